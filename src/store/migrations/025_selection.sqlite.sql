-- sqlite: the selection of typical rural industrial products (TT 26/2014, TT 38/2025): a round
-- at one level (commune — district before 07/2025 — and provincial in a province, regional
-- in one area, national), its scoring
-- council of appraiser accounts, the products nominated through their province with the
-- eligibility the facility declared, and each member's score sheet (lines: JSON
-- [{criterion, points}]). criteria: the round's JSON criteria (the dated
-- typical_product_points.* settings when it opened). A concluded round has recognised its
-- passing nominations as typical products (typical_product_id).
CREATE TABLE selection_rounds (
  id INTEGER PRIMARY KEY,
  year BIGINT NOT NULL,
  level TEXT NOT NULL
    CHECK (level IN ('commune', 'district', 'provincial', 'regional', 'national')),
  area_code TEXT,
  province_2025 TEXT,
  name TEXT NOT NULL,
  closes_on TEXT NOT NULL,
  criteria TEXT NOT NULL,
  pass_mark BIGINT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'concluded')),
  recognized_on TEXT,
  created_by BIGINT NOT NULL,
  version BIGINT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE selection_members (
  round_id BIGINT NOT NULL REFERENCES selection_rounds(id),
  user_id BIGINT NOT NULL REFERENCES users(id),
  role TEXT NOT NULL CHECK (role IN ('chair', 'member')),
  PRIMARY KEY (round_id, user_id)
);

CREATE TABLE nominations (
  id INTEGER PRIMARY KEY,
  round_id BIGINT NOT NULL REFERENCES selection_rounds(id),
  facility_id BIGINT NOT NULL REFERENCES facilities(id),
  province_2025 TEXT NOT NULL,
  name TEXT NOT NULL,
  name_key TEXT NOT NULL,
  product_group TEXT NOT NULL
    CHECK (product_group IN ('handicraft', 'processed_food', 'machinery', 'other')),
  description TEXT,
  status TEXT NOT NULL CHECK (status IN ('submitted', 'recognized', 'not_recognized')),
  typical_product_id BIGINT REFERENCES typical_products(id),
  nominated_by BIGINT NOT NULL,
  version BIGINT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (round_id, facility_id, name_key)
);
CREATE INDEX nominations_round ON nominations (round_id, province_2025);

CREATE TABLE nomination_sheets (
  nomination_id BIGINT NOT NULL REFERENCES nominations(id),
  user_id BIGINT NOT NULL REFERENCES users(id),
  conflict BIGINT NOT NULL,
  conflict_note TEXT,
  lines TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (nomination_id, user_id)
);

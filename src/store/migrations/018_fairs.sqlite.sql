-- sqlite: trade fairs and exhibitions, and the booths the program supports there per facility
-- (the facility's support history reads them). A fair held in Vietnam has a province (under
-- the set it was registered in, with the derived 34-set code and region, as the register
-- keeps them); one abroad names its country. project_id: the plan's project that funds it.
CREATE TABLE fairs (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  place TEXT NOT NULL,
  abroad BIGINT NOT NULL,
  country TEXT,
  province_set TEXT,
  province_code TEXT,
  province_2025 TEXT,
  region_code TEXT,
  starts_on TEXT NOT NULL,
  ends_on TEXT NOT NULL CHECK (ends_on >= starts_on),
  organizer TEXT NOT NULL,
  project_id BIGINT REFERENCES projects(id),
  search_text TEXT NOT NULL,
  version BIGINT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX fairs_starts ON fairs (starts_on);
CREATE INDEX fairs_project ON fairs (project_id);

CREATE TABLE booth_supports (
  id INTEGER PRIMARY KEY,
  fair_id BIGINT NOT NULL REFERENCES fairs(id),
  facility_id BIGINT NOT NULL REFERENCES facilities(id),
  booths BIGINT NOT NULL CHECK (booths > 0),
  amount_vnd BIGINT NOT NULL CHECK (amount_vnd >= 0),
  created_by BIGINT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (fair_id, facility_id)
);
CREATE INDEX booth_supports_facility ON booth_supports (facility_id);

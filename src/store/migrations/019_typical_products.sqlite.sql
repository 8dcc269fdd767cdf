-- sqlite: typical rural industrial products recognised at a level (commune — district before
-- 07/2025 —, provincial, regional in one of the three areas, national), each with its
-- certificate number, validity and the code the public verification page resolves. name_key
-- (the folded name) and facility_id find an earlier recognition of the same product, which
-- must have lapsed before it enters again. project_id: the selection project that funds it.
CREATE TABLE typical_products (
  id INTEGER PRIMARY KEY,
  certificate_no TEXT NOT NULL UNIQUE,
  verify_code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  name_key TEXT NOT NULL,
  product_group TEXT NOT NULL
    CHECK (product_group IN ('handicraft', 'processed_food', 'machinery', 'other')),
  description TEXT,
  facility_id BIGINT NOT NULL REFERENCES facilities(id),
  province_2025 TEXT NOT NULL,
  level TEXT NOT NULL
    CHECK (level IN ('commune', 'district', 'provincial', 'regional', 'national')),
  area_code TEXT,
  year BIGINT NOT NULL,
  score_x100 BIGINT,
  recognized_on TEXT NOT NULL,
  valid_until TEXT NOT NULL CHECK (valid_until >= recognized_on),
  project_id BIGINT REFERENCES projects(id),
  search_text TEXT NOT NULL,
  created_by BIGINT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX typical_products_year ON typical_products (year, level);
CREATE INDEX typical_products_facility ON typical_products (facility_id, name_key);

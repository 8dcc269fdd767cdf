-- Reference catalogues. Rows are loaded from data/*.csv by store/migrate.cc right after
-- this schema is created. Every rule is a dated record with its legal source.
CREATE TABLE regions (
  code TEXT PRIMARY KEY,
  name_vi TEXT NOT NULL,
  name_ascii TEXT NOT NULL,
  name_en TEXT NOT NULL,
  sort_order BIGINT NOT NULL
);
CREATE TABLE areas (
  code TEXT PRIMARY KEY,
  name_vi TEXT NOT NULL,
  name_en TEXT NOT NULL,
  sort_order BIGINT NOT NULL
);
CREATE TABLE region_areas (
  region_code TEXT NOT NULL REFERENCES regions(code),
  area_code TEXT NOT NULL REFERENCES areas(code),
  valid_from TEXT NOT NULL,
  valid_to TEXT,
  legal_basis TEXT NOT NULL,
  confirmed BIGINT NOT NULL,
  PRIMARY KEY (region_code, valid_from)
);
CREATE TABLE provinces (
  set_year TEXT NOT NULL CHECK (set_year IN ('2008', '2025')),
  code TEXT NOT NULL,
  name_vi TEXT NOT NULL,
  name_ascii TEXT NOT NULL,
  region_code TEXT NOT NULL REFERENCES regions(code),
  PRIMARY KEY (set_year, code)
);
CREATE TABLE province_merger (
  old_code TEXT PRIMARY KEY,
  new_code TEXT NOT NULL,
  effective_from TEXT NOT NULL
);
CREATE TABLE contents (
  code TEXT PRIMARY KEY,
  number BIGINT NOT NULL,
  name_vi TEXT NOT NULL,
  name_en TEXT NOT NULL,
  group_code TEXT NOT NULL,
  legal_basis TEXT NOT NULL,
  valid_from TEXT NOT NULL,
  valid_to TEXT,
  confirmed BIGINT NOT NULL
);
CREATE TABLE indicators (
  code TEXT PRIMARY KEY,
  name_vi TEXT NOT NULL,
  name_en TEXT NOT NULL,
  unit_vi TEXT NOT NULL,
  unit_en TEXT NOT NULL,
  sort_order BIGINT NOT NULL
);

-- The register: programs, organizations, facilities, projects (đề án).
-- Province columns: what the record was registered under (province_set, province_code), and
-- derived columns kept in step by the repository for reporting under either set:
-- province_2025 (always known through the merger) and region_code.
CREATE TABLE programs (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  level TEXT NOT NULL CHECK (level IN ('KCQG', 'KCDP')),
  province_set TEXT,
  province_code TEXT,
  year BIGINT NOT NULL,
  name TEXT NOT NULL,
  budget_vnd BIGINT NOT NULL CHECK (budget_vnd >= 0),
  version BIGINT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE organizations (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  province_set TEXT NOT NULL,
  province_code TEXT NOT NULL,
  province_2025 TEXT NOT NULL,
  region_code TEXT NOT NULL,
  address TEXT,
  tax_code TEXT,
  search_text TEXT NOT NULL,
  version BIGINT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX organizations_province ON organizations (province_2025);
CREATE TABLE facilities (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  tax_code TEXT,
  province_set TEXT NOT NULL,
  province_code TEXT NOT NULL,
  province_2025 TEXT NOT NULL,
  region_code TEXT NOT NULL,
  commune TEXT,
  address TEXT,
  craft_village BIGINT NOT NULL,
  women_owned BIGINT NOT NULL,
  ethnic_minority_workers BIGINT NOT NULL,
  industry TEXT,
  employees BIGINT NOT NULL CHECK (employees >= 0),
  search_text TEXT NOT NULL,
  version BIGINT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX facilities_province ON facilities (province_2025);
CREATE TABLE projects (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  year BIGINT NOT NULL,
  program_id BIGINT NOT NULL REFERENCES programs(id),
  content_code TEXT NOT NULL REFERENCES contents(code),
  kind TEXT NOT NULL CHECK (kind IN ('regular', 'point', 'group')),
  implementing_org_id BIGINT NOT NULL REFERENCES organizations(id),
  requested_vnd BIGINT NOT NULL CHECK (requested_vnd >= 0),
  counterpart_vnd BIGINT NOT NULL CHECK (counterpart_vnd >= 0),
  total_vnd BIGINT NOT NULL CHECK (total_vnd >= 0),
  start_date TEXT NOT NULL,
  end_date TEXT NOT NULL CHECK (end_date >= start_date),
  status TEXT NOT NULL,
  search_text TEXT NOT NULL,
  version BIGINT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX projects_year ON projects (year, program_id);
CREATE INDEX projects_content ON projects (content_code);

-- sqlite: the industrial clusters' reports (TT 14/2024/TT-BCT). The infrastructure investor of a
-- cluster reports twice a year (kind 'half': before 20 June; 'year': before 20 December), with
-- how many of its tenants reported; the province records the report (due_on: the period's
-- deadline from the dated settings) and compiles its period, which writes the reported figures
-- into the register (status 'compiled') and records the compilation.
CREATE TABLE cluster_reports (
  id INTEGER PRIMARY KEY,
  cluster_id BIGINT NOT NULL REFERENCES industrial_clusters(id),
  province_2025 TEXT NOT NULL,
  year BIGINT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('half', 'year')),
  due_on TEXT NOT NULL,
  received_on TEXT NOT NULL,
  tenants BIGINT NOT NULL CHECK (tenants >= 0),
  tenant_reports BIGINT NOT NULL CHECK (tenant_reports >= 0),
  workers BIGINT NOT NULL CHECK (workers >= 0),
  leased_land_centiha BIGINT NOT NULL CHECK (leased_land_centiha >= 0),
  wastewater_done BIGINT NOT NULL,
  investment_vnd BIGINT NOT NULL CHECK (investment_vnd >= 0),
  note TEXT,
  status TEXT NOT NULL CHECK (status IN ('received', 'compiled')),
  recorded_by BIGINT NOT NULL,
  version BIGINT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (cluster_id, year, kind)
);
CREATE INDEX cluster_reports_period ON cluster_reports (year, kind, province_2025);

CREATE TABLE cluster_report_compilations (
  province_2025 TEXT NOT NULL,
  year BIGINT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('half', 'year')),
  compiled_on TEXT NOT NULL,
  compiled_by BIGINT NOT NULL,
  clusters BIGINT NOT NULL,
  reported BIGINT NOT NULL,
  late BIGINT NOT NULL,
  PRIMARY KEY (province_2025, year, kind)
);

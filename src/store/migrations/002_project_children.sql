-- The child rows of projects (portable).
CREATE TABLE project_provinces (
  project_id BIGINT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  position BIGINT NOT NULL,
  province_set TEXT NOT NULL,
  province_code TEXT NOT NULL,
  province_2025 TEXT NOT NULL,
  region_code TEXT NOT NULL,
  PRIMARY KEY (project_id, position)
);
CREATE INDEX project_provinces_2025 ON project_provinces (province_2025);
CREATE TABLE project_beneficiaries (
  project_id BIGINT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  facility_id BIGINT NOT NULL REFERENCES facilities(id),
  PRIMARY KEY (project_id, facility_id)
);
CREATE TABLE project_cooperators (
  project_id BIGINT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  organization_id BIGINT NOT NULL REFERENCES organizations(id),
  PRIMARY KEY (project_id, organization_id)
);
CREATE TABLE project_outputs (
  project_id BIGINT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  indicator_code TEXT NOT NULL REFERENCES indicators(code),
  quantity BIGINT NOT NULL CHECK (quantity >= 0),
  PRIMARY KEY (project_id, indicator_code)
);
CREATE TABLE project_flags (
  project_id BIGINT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  flag TEXT NOT NULL,
  PRIMARY KEY (project_id, flag)
);

-- sqlite: the register of industrial clusters (cụm công nghiệp, CCN). Areas are kept in hundredths
-- of a hectare. Province columns as the register keeps them. established_on: the decision
-- establishing it (earlier rules keep their exceptions); special_area: in a mountainous
-- district or a craft-village cluster (NĐ 68/2017's 5 ha exception). cluster_projects links
-- the plan's projects that supported it (detailed planning, infrastructure).
CREATE TABLE industrial_clusters (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  province_set TEXT NOT NULL,
  province_code TEXT NOT NULL,
  province_2025 TEXT NOT NULL,
  region_code TEXT NOT NULL,
  commune TEXT,
  status TEXT NOT NULL CHECK (status IN ('in_list', 'established', 'expanded', 'operating')),
  established_on TEXT,
  special_area BIGINT NOT NULL,
  area_centiha BIGINT NOT NULL CHECK (area_centiha >= 0),
  industrial_land_centiha BIGINT NOT NULL CHECK (industrial_land_centiha >= 0),
  leased_land_centiha BIGINT NOT NULL CHECK (leased_land_centiha >= 0),
  demand_exceeds_land BIGINT NOT NULL,
  investor TEXT,
  plan_approved_on TEXT,
  roads_done BIGINT NOT NULL,
  water_done BIGINT NOT NULL,
  wastewater_done BIGINT NOT NULL,
  tenants BIGINT NOT NULL CHECK (tenants >= 0),
  workers BIGINT NOT NULL CHECK (workers >= 0),
  search_text TEXT NOT NULL,
  version BIGINT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX industrial_clusters_province ON industrial_clusters (province_2025);

CREATE TABLE cluster_projects (
  cluster_id BIGINT NOT NULL REFERENCES industrial_clusters(id),
  project_id BIGINT NOT NULL REFERENCES projects(id),
  PRIMARY KEY (cluster_id, project_id)
);
CREATE INDEX cluster_projects_project ON cluster_projects (project_id);

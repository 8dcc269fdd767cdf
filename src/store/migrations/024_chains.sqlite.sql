-- sqlite: production–consumption chains (chuỗi liên kết sản xuất – tiêu thụ): one product line's
-- facilities linked as suppliers of materials, producers and buyers, and the plan's projects
-- (point and group projects) that built the chain. province_2025: the chain's lead province,
-- which a province may write.
CREATE TABLE product_chains (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  product_line TEXT NOT NULL,
  province_2025 TEXT NOT NULL,
  description TEXT,
  search_text TEXT NOT NULL,
  version BIGINT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX product_chains_province ON product_chains (province_2025);

CREATE TABLE chain_links (
  chain_id BIGINT NOT NULL REFERENCES product_chains(id),
  facility_id BIGINT NOT NULL REFERENCES facilities(id),
  role TEXT NOT NULL CHECK (role IN ('supplier', 'producer', 'buyer')),
  PRIMARY KEY (chain_id, facility_id, role)
);
CREATE INDEX chain_links_facility ON chain_links (facility_id);

CREATE TABLE chain_projects (
  chain_id BIGINT NOT NULL REFERENCES product_chains(id),
  project_id BIGINT NOT NULL REFERENCES projects(id),
  PRIMARY KEY (chain_id, project_id)
);
CREATE INDEX chain_projects_project ON chain_projects (project_id);

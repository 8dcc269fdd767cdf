-- A proposal's written dossier: its text, the schedule's milestones and the costs by item.
-- The project's requested, counterpart and total amounts are the sums of the items whenever
-- there are any (the application writes both in one transaction).
CREATE TABLE project_dossiers (
  project_id BIGINT PRIMARY KEY REFERENCES projects(id) ON DELETE CASCADE,
  objectives TEXT NOT NULL,
  need TEXT NOT NULL,
  legal_basis TEXT NOT NULL,
  activities TEXT NOT NULL,
  location TEXT NOT NULL,
  scale TEXT NOT NULL,
  effect TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE project_milestones (
  project_id BIGINT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  position BIGINT NOT NULL,
  due_date TEXT NOT NULL,
  description TEXT NOT NULL,
  PRIMARY KEY (project_id, position)
);
CREATE TABLE project_cost_items (
  project_id BIGINT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  position BIGINT NOT NULL,
  category TEXT NOT NULL,
  description TEXT NOT NULL,
  program_vnd BIGINT NOT NULL CHECK (program_vnd >= 0),
  counterpart_vnd BIGINT NOT NULL CHECK (counterpart_vnd >= 0),
  PRIMARY KEY (project_id, position)
);

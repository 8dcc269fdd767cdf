-- What each decision gives or takes from each project (đồng; negative in an adjustment).
CREATE TABLE plan_decision_items (
  decision_id BIGINT NOT NULL REFERENCES plan_decisions(id),
  project_id BIGINT NOT NULL REFERENCES projects(id),
  amount_vnd BIGINT NOT NULL,
  PRIMARY KEY (decision_id, project_id)
);
CREATE INDEX plan_decision_items_project ON plan_decision_items (project_id);

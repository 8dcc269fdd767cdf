-- sqlite: a group project's total split among its beneficiary facilities by a later letter of the
-- department (one total in the decision, the facilities named afterwards). A later letter
-- replaces the split of the one before; every letter is kept.
CREATE TABLE group_splits (
  id INTEGER PRIMARY KEY,
  project_id BIGINT NOT NULL REFERENCES projects(id),
  number TEXT NOT NULL,
  signed_on TEXT NOT NULL,
  total_vnd BIGINT NOT NULL,
  created_by BIGINT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX group_splits_project ON group_splits (project_id);

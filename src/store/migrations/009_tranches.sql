-- The later years' tranches of a multi-year point project, as the decision that funded it set
-- them: each is a commitment of that year's plan (funded before the year's proposals).
CREATE TABLE plan_tranches (
  decision_id BIGINT NOT NULL REFERENCES plan_decisions(id),
  project_id BIGINT NOT NULL REFERENCES projects(id),
  year INTEGER NOT NULL,
  amount_vnd BIGINT NOT NULL CHECK (amount_vnd >= 0),
  PRIMARY KEY (decision_id, project_id, year)
);
CREATE INDEX plan_tranches_project ON plan_tranches (project_id);

-- What each letter gives each facility of the group project (đồng).
CREATE TABLE group_split_items (
  split_id BIGINT NOT NULL REFERENCES group_splits(id),
  facility_id BIGINT NOT NULL REFERENCES facilities(id),
  amount_vnd BIGINT NOT NULL CHECK (amount_vnd > 0),
  PRIMARY KEY (split_id, facility_id)
);

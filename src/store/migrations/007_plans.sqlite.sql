-- sqlite: saved plan scenarios. A scenario is the department's (or a province's, for its local
-- program) named set of envelope, weights and limits, kept with the result it had when it was
-- saved, so that scenarios can be compared side by side and one approved as a decision.
CREATE TABLE plan_scenarios (
  id INTEGER PRIMARY KEY,
  program_id BIGINT NOT NULL REFERENCES programs(id),
  name TEXT NOT NULL,
  body TEXT NOT NULL,
  result TEXT NOT NULL,
  created_by BIGINT NOT NULL,
  version BIGINT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (program_id, name)
);

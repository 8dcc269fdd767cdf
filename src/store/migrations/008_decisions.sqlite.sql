-- sqlite: plan decisions. A plan decision approves a saved scenario's allocation (one per batch,
-- đợt, of a year); an adjustment decision changes amounts later. A decision never changes
-- afterwards; a project's approved amount is the sum of its items over the decisions.
CREATE TABLE plan_decisions (
  id INTEGER PRIMARY KEY,
  program_id BIGINT NOT NULL REFERENCES programs(id),
  kind TEXT NOT NULL CHECK (kind IN ('plan', 'adjustment')),
  number TEXT NOT NULL,
  signed_on TEXT NOT NULL,
  signer TEXT NOT NULL,
  batch BIGINT NOT NULL,
  scenario_id BIGINT REFERENCES plan_scenarios(id),
  reason TEXT NOT NULL,
  total_vnd BIGINT NOT NULL,
  created_by BIGINT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (program_id, number)
);

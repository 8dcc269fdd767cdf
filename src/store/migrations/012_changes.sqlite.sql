-- sqlite: what changes a running contract, each with its reason and the decision that approves
-- it (an extension of time moves the contract's end; a year-end carry-over records the advance
-- not yet settled that moves into the next year's budget), and the department's monitoring visits
-- with the actions they require and their deadlines. Both are only ever inserted.
CREATE TABLE contract_changes (
  id INTEGER PRIMARY KEY,
  contract_id BIGINT NOT NULL REFERENCES contracts(id),
  kind TEXT NOT NULL CHECK (kind IN ('extension', 'content', 'beneficiaries', 'carry_over')),
  reason TEXT NOT NULL,
  decision_number TEXT NOT NULL,
  decision_date TEXT NOT NULL,
  old_end_on TEXT NOT NULL,
  new_end_on TEXT NOT NULL,
  amount_vnd BIGINT NOT NULL CHECK (amount_vnd >= 0),
  created_by BIGINT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX contract_changes_contract ON contract_changes (contract_id);

CREATE TABLE monitoring_visits (
  id INTEGER PRIMARY KEY,
  contract_id BIGINT NOT NULL REFERENCES contracts(id),
  visited_on TEXT NOT NULL,
  findings TEXT NOT NULL,
  actions TEXT NOT NULL,
  due_on TEXT NOT NULL,
  created_by BIGINT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX monitoring_visits_contract ON monitoring_visits (contract_id);

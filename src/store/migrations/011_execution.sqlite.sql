-- sqlite: execution. Each planned project gets one implementation contract (the department, or
-- for a local program the province's department or promotion centre, with the implementing
-- unit) and, below it, support contracts of the implementing unit with each beneficiary
-- facility. Payments, progress reports and acceptances hang off a contract; a payment is only
-- ever inserted (a recovery is a negative entry of its own kind), so the ledger is its history.
CREATE TABLE contracts (
  id INTEGER PRIMARY KEY,
  project_id BIGINT NOT NULL REFERENCES projects(id),
  level TEXT NOT NULL CHECK (level IN ('implementation', 'support')),
  parent_id BIGINT REFERENCES contracts(id),
  number TEXT NOT NULL,
  signed_on TEXT NOT NULL,
  party_a TEXT NOT NULL,
  party_b TEXT NOT NULL,
  organization_id BIGINT REFERENCES organizations(id),
  facility_id BIGINT REFERENCES facilities(id),
  value_vnd BIGINT NOT NULL CHECK (value_vnd > 0),
  counterpart_vnd BIGINT NOT NULL CHECK (counterpart_vnd >= 0),
  counterpart_paid_vnd BIGINT NOT NULL CHECK (counterpart_paid_vnd >= 0),
  start_on TEXT NOT NULL,
  end_on TEXT NOT NULL CHECK (end_on >= start_on),
  status TEXT NOT NULL CHECK (status IN ('draft', 'signed', 'in_progress', 'accepted', 'settled',
                                         'terminated')),
  advance_bp BIGINT NOT NULL CHECK (advance_bp BETWEEN 0 AND 10000),
  advance_rule TEXT NOT NULL,
  settled_on TEXT NOT NULL,
  status_reason TEXT NOT NULL,
  version BIGINT NOT NULL,
  created_by BIGINT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX contracts_project ON contracts (project_id);
CREATE INDEX contracts_status ON contracts (status);

CREATE TABLE payments (
  id INTEGER PRIMARY KEY,
  contract_id BIGINT NOT NULL REFERENCES contracts(id),
  kind TEXT NOT NULL CHECK (kind IN ('advance', 'payment', 'recovery')),
  amount_vnd BIGINT NOT NULL CHECK (amount_vnd > 0),
  paid_on TEXT NOT NULL,
  reference TEXT NOT NULL,
  note TEXT NOT NULL,
  created_by BIGINT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX payments_contract ON payments (contract_id);

CREATE TABLE progress_reports (
  id INTEGER PRIMARY KEY,
  contract_id BIGINT NOT NULL REFERENCES contracts(id),
  period_end TEXT NOT NULL,
  progress_pct BIGINT NOT NULL CHECK (progress_pct BETWEEN 0 AND 100),
  spent_vnd BIGINT NOT NULL CHECK (spent_vnd >= 0),
  problems TEXT NOT NULL,
  created_by BIGINT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (contract_id, period_end)
);

CREATE TABLE acceptances (
  id INTEGER PRIMARY KEY,
  contract_id BIGINT NOT NULL UNIQUE REFERENCES contracts(id),
  number TEXT NOT NULL,
  accepted_on TEXT NOT NULL,
  verdict TEXT NOT NULL CHECK (verdict IN ('passed', 'conditional', 'failed')),
  accepted_vnd BIGINT NOT NULL CHECK (accepted_vnd >= 0),
  conclusion TEXT NOT NULL,
  created_by BIGINT NOT NULL,
  created_at TEXT NOT NULL
);

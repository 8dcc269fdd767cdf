-- SQLite: the dated rules (an integer key that SQLite assigns).
CREATE TABLE rules (
  id INTEGER PRIMARY KEY,
  rule_key TEXT NOT NULL,
  scope TEXT NOT NULL,
  content_code TEXT REFERENCES contents(code),
  province_code TEXT,
  max_pct_bp BIGINT,
  max_amount_vnd BIGINT CHECK (max_amount_vnd IS NULL OR max_amount_vnd >= 0),
  value_text TEXT,
  unit TEXT,
  valid_from TEXT NOT NULL,
  valid_to TEXT,
  legal_basis TEXT NOT NULL,
  confirmed BIGINT NOT NULL,
  note TEXT
);
CREATE INDEX rules_key ON rules (rule_key, valid_from);

-- Accounts, sessions, login throttling and the audit trail.
CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  login TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin', 'ministry', 'department', 'appraiser', 'province', 'unit')),
  province_set TEXT,
  province_code TEXT,
  province_2025 TEXT,
  organization_id INTEGER REFERENCES organizations(id),
  password_hash TEXT NOT NULL,
  demo_password INTEGER NOT NULL DEFAULT 0,
  disabled INTEGER NOT NULL DEFAULT 0,
  version INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
-- A session is found by the SHA-256 of its cookie token: the database never holds a usable token.
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id),
  csrf_token TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);
-- Failed logins per login name (existing or not, so that throttling does not reveal which names exist).
CREATE TABLE login_throttle (
  login TEXT PRIMARY KEY,
  failures INTEGER NOT NULL,
  next_allowed_at INTEGER NOT NULL,
  locked_until INTEGER NOT NULL
);
-- Append-only, hash-chained: hash = SHA-256(prev_hash || canonical content of the row).
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  user_id INTEGER,
  user_login TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id INTEGER NOT NULL,
  action TEXT NOT NULL,
  before_json TEXT,
  after_json TEXT,
  reason TEXT,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX audit_entity ON audit_log (entity, entity_id);

-- Accounts, sessions, login throttling and the audit trail.
CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  login TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin', 'ministry', 'department', 'appraiser', 'province', 'unit')),
  province_set TEXT,
  province_code TEXT,
  province_2025 TEXT,
  organization_id BIGINT REFERENCES organizations(id),
  password_hash TEXT NOT NULL,
  demo_password BIGINT NOT NULL DEFAULT 0,
  disabled BIGINT NOT NULL DEFAULT 0,
  version BIGINT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

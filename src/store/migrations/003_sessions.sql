-- Sessions and login throttling (portable).
-- A session is found by the SHA-256 of its cookie token: the database never holds a usable token.
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES users(id),
  csrf_token TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  last_seen_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);
-- Failed logins per login name (existing or not, so that throttling does not reveal which names exist).
CREATE TABLE login_throttle (
  login TEXT PRIMARY KEY,
  failures BIGINT NOT NULL,
  next_allowed_at BIGINT NOT NULL,
  locked_until BIGINT NOT NULL
);

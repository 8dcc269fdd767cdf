-- sqlite: notifications. A user's e-mail address and what they choose to receive (in the app, by
-- e-mail) per kind; the notifications themselves, one per user and event (the dedupe key makes a
-- daily reminder arrive once however often the scheduler runs); the mail outbox, from which the
-- scheduler sends and retries, so that a mail server that is down loses nothing; and the runs of
-- the scheduler's daily jobs, one per job and day whichever process runs them.
ALTER TABLE users ADD COLUMN email TEXT NOT NULL DEFAULT '';

CREATE TABLE notification_choices (
  user_id BIGINT NOT NULL REFERENCES users(id),
  kind TEXT NOT NULL,
  in_app BIGINT NOT NULL CHECK (in_app IN (0, 1)),
  by_email BIGINT NOT NULL CHECK (by_email IN (0, 1)),
  PRIMARY KEY (user_id, kind)
);

CREATE TABLE notifications (
  id INTEGER PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES users(id),
  kind TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  link TEXT NOT NULL,
  dedupe_key TEXT NOT NULL,
  in_app BIGINT NOT NULL CHECK (in_app IN (0, 1)),
  created_at TEXT NOT NULL,
  read_at TEXT NOT NULL DEFAULT '',
  UNIQUE (user_id, dedupe_key)
);
CREATE INDEX notifications_user ON notifications (user_id, id);

CREATE TABLE mail_outbox (
  id INTEGER PRIMARY KEY,
  notification_id BIGINT NOT NULL REFERENCES notifications(id),
  to_address TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  link TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'failed')),
  attempts BIGINT NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  last_error TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  sent_at TEXT NOT NULL DEFAULT ''
);
CREATE INDEX mail_outbox_due ON mail_outbox (status, next_attempt_at);

CREATE TABLE scheduler_runs (
  job TEXT NOT NULL,
  day TEXT NOT NULL,
  started_at TEXT NOT NULL,
  notices BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (job, day)
);

-- sqlite: localities' petitions (kiến nghị) to the department. A province files one (its
-- province_2025 is the filer's); the department assigns it to an officer and answers it by
-- due_on (the filing day plus the dated setting petition_answer_days). status: submitted,
-- assigned, answered. An answered petition may be published on the public bulletin.
CREATE TABLE petitions (
  id INTEGER PRIMARY KEY,
  province_2025 TEXT NOT NULL,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('submitted', 'assigned', 'answered')),
  filed_by BIGINT NOT NULL,
  filed_on TEXT NOT NULL,
  due_on TEXT NOT NULL,
  assignee_id BIGINT REFERENCES users(id),
  answer TEXT,
  answered_by BIGINT,
  answered_on TEXT,
  published BIGINT NOT NULL,
  search_text TEXT NOT NULL,
  version BIGINT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (status <> 'answered' OR answer IS NOT NULL),
  CHECK (published = 0 OR status = 'answered')
);
CREATE INDEX petitions_province ON petitions (province_2025, status);

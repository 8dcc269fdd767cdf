-- The rows that hang from rounds and councils: criteria, members, assignments with their
-- conflicts, scores and the council's conclusions.
CREATE TABLE round_criteria (
  round_id BIGINT NOT NULL REFERENCES rounds(id),
  position BIGINT NOT NULL,
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  max_points BIGINT NOT NULL CHECK (max_points > 0),
  floor_points BIGINT CHECK (floor_points IS NULL OR floor_points >= 0),
  PRIMARY KEY (round_id, code)
);
CREATE TABLE council_members (
  council_id BIGINT NOT NULL REFERENCES councils(id),
  user_id BIGINT NOT NULL REFERENCES users(id),
  role TEXT NOT NULL CHECK (role IN ('chair', 'secretary', 'member')),
  PRIMARY KEY (council_id, user_id)
);
CREATE INDEX council_members_user ON council_members (user_id);
CREATE TABLE assignments (
  council_id BIGINT NOT NULL REFERENCES councils(id),
  project_id BIGINT NOT NULL REFERENCES projects(id),
  user_id BIGINT NOT NULL REFERENCES users(id),
  conflict BIGINT NOT NULL CHECK (conflict IN (0, 1)),
  conflict_note TEXT,
  PRIMARY KEY (council_id, project_id, user_id)
);
CREATE INDEX assignments_user ON assignments (user_id, project_id);
CREATE INDEX assignments_project ON assignments (project_id);
CREATE TABLE scores (
  council_id BIGINT NOT NULL,
  project_id BIGINT NOT NULL,
  user_id BIGINT NOT NULL,
  criterion TEXT NOT NULL,
  points BIGINT NOT NULL CHECK (points >= 0),
  comment TEXT,
  PRIMARY KEY (council_id, project_id, user_id, criterion),
  FOREIGN KEY (council_id, project_id, user_id)
    REFERENCES assignments (council_id, project_id, user_id)
);
CREATE TABLE conclusions (
  council_id BIGINT NOT NULL REFERENCES councils(id),
  project_id BIGINT NOT NULL REFERENCES projects(id),
  conclusion TEXT NOT NULL CHECK (conclusion IN ('pass', 'pass_with_changes', 'fail')),
  note TEXT,
  PRIMARY KEY (council_id, project_id)
);
-- The status set grew: what was `appraised` is now `passed`.
UPDATE projects SET status = 'passed' WHERE status = 'appraised';

-- sqlite: registration rounds and appraisal councils (the tables with an identity key).
-- A round is one program's registration and appraisal for one plan year; its criteria set
-- (round_criteria) may change until the first score is given.
CREATE TABLE rounds (
  id INTEGER PRIMARY KEY,
  program_id BIGINT NOT NULL REFERENCES programs(id),
  year BIGINT NOT NULL,
  opens_on TEXT NOT NULL,
  closes_on TEXT NOT NULL,
  forward_by TEXT NOT NULL,
  pass_mark BIGINT NOT NULL CHECK (pass_mark >= 0),
  trim_extremes BIGINT NOT NULL CHECK (trim_extremes IN (0, 1)),
  outlier_points BIGINT NOT NULL CHECK (outlier_points >= 0),
  version BIGINT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (program_id, year)
);
-- A council per round and level; at the province level, per province (province_2025),
-- at the ministry level province_2025 is ''.
CREATE TABLE councils (
  id INTEGER PRIMARY KEY,
  round_id BIGINT NOT NULL REFERENCES rounds(id),
  level TEXT NOT NULL CHECK (level IN ('province', 'ministry')),
  province_2025 TEXT NOT NULL,
  name TEXT NOT NULL,
  version BIGINT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (round_id, level, province_2025)
);

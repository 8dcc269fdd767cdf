-- Planning facts of a proposal: the bundle it stands or falls with (parts of one chain filed
-- by several units; '' = none) and its appraisal score in hundredths of a point (7835 =
-- 78.35; NULL = not scored), set by the ministry council's conclusion or by an import of a
-- round appraised outside the system.
ALTER TABLE projects ADD COLUMN bundle TEXT NOT NULL DEFAULT '';
ALTER TABLE projects ADD COLUMN score_centi BIGINT;
CREATE INDEX projects_bundle ON projects (program_id, bundle);

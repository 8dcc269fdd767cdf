-- A council's conclusion on its round as a whole: the day, the summary and the counts of its
-- proposals' conclusions when it was drawn. Once drawn, the proposals' conclusions are final.
CREATE TABLE round_conclusions (
  council_id BIGINT PRIMARY KEY REFERENCES councils(id),
  concluded_on TEXT NOT NULL,
  summary TEXT NOT NULL,
  passed BIGINT NOT NULL,
  with_changes BIGINT NOT NULL,
  failed BIGINT NOT NULL,
  created_by BIGINT NOT NULL,
  created_at TEXT NOT NULL
);

-- The data's version: one counter that every write transaction raises (store/db.cc), in
-- whichever server process it runs, so that cached answers of older versions are never
-- served again (http/response_cache.h).
CREATE TABLE data_version (
  id BIGINT PRIMARY KEY CHECK (id = 1),
  n BIGINT NOT NULL
);
INSERT INTO data_version (id, n) VALUES (1, 0);

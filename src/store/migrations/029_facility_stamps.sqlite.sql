-- Which facilities changed, and with which of the data's versions, so that a server's search
-- index in memory (store/facility_index.h) reads only what changed since it last looked. A
-- trigger marks each facility written (inserted, updated, deleted) with a NULL stamp; the
-- write's commit stamps the marks with the version it raises (store::Transaction::commit),
-- which commits in the order of the versions, so a reader that sees version n sees every
-- stamp up to n. Kept beside the table rather than in it: the facilities' own row, and its
-- search indexes, are not written a second time.
CREATE TABLE facility_stamps (id INTEGER PRIMARY KEY, rev BIGINT);
CREATE INDEX facility_stamps_rev ON facility_stamps (rev);
INSERT INTO facility_stamps (id, rev) SELECT id, 0 FROM facilities;
CREATE TRIGGER facilities_stamp_insert AFTER INSERT ON facilities BEGIN
  INSERT INTO facility_stamps (id, rev) VALUES (new.id, NULL)
  ON CONFLICT (id) DO UPDATE SET rev = NULL;
END;
CREATE TRIGGER facilities_stamp_update AFTER UPDATE ON facilities BEGIN
  INSERT INTO facility_stamps (id, rev) VALUES (new.id, NULL)
  ON CONFLICT (id) DO UPDATE SET rev = NULL;
END;
CREATE TRIGGER facilities_stamp_delete AFTER DELETE ON facilities BEGIN
  INSERT INTO facility_stamps (id, rev) VALUES (old.id, NULL)
  ON CONFLICT (id) DO UPDATE SET rev = NULL;
END;

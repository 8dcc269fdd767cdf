-- Which facilities changed, and with which of the data's versions, so that a server's search
-- index in memory (store/facility_index.h) reads only what changed since it last looked. A
-- trigger marks each facility written (inserted, updated, deleted) with a NULL stamp; the
-- write's commit stamps the marks with the version it raises (store::Transaction::commit).
-- Writers raise the version in turn (its row is locked to commit), so a reader that sees
-- version n sees every stamp up to n. Kept beside the table rather than in it: the
-- facilities' own row, and its trigram index, are not written a second time.
CREATE TABLE facility_stamps (id BIGINT PRIMARY KEY, rev BIGINT);
CREATE INDEX facility_stamps_rev ON facility_stamps (rev);
INSERT INTO facility_stamps (id, rev) SELECT id, 0 FROM facilities;
CREATE FUNCTION facility_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO facility_stamps (id, rev)
  VALUES (CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END, NULL)
  ON CONFLICT (id) DO UPDATE SET rev = NULL;
  RETURN NULL;
END;
$$;
CREATE TRIGGER facilities_stamp AFTER INSERT OR UPDATE OR DELETE ON facilities
  FOR EACH ROW EXECUTE FUNCTION facility_stamp();

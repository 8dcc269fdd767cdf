-- Search over the register at national scale (a million facilities): a trigram index over
-- the facilities' folded search text (FTS5's trigram tokenizer), kept in step with the table
-- by triggers; it finds the rows holding a word of three letters or more without reading the
-- table. The list still checks each word with LIKE, so the index only narrows. And the name
-- order walks an index, so that a page of a large result is read without sorting it all.
CREATE VIRTUAL TABLE facilities_search USING fts5(
  search_text, content = 'facilities', content_rowid = 'id', tokenize = 'trigram');
INSERT INTO facilities_search (facilities_search) VALUES ('rebuild');
CREATE TRIGGER facilities_search_insert AFTER INSERT ON facilities BEGIN
  INSERT INTO facilities_search (rowid, search_text) VALUES (new.id, new.search_text);
END;
CREATE TRIGGER facilities_search_delete AFTER DELETE ON facilities BEGIN
  INSERT INTO facilities_search (facilities_search, rowid, search_text)
  VALUES ('delete', old.id, old.search_text);
END;
CREATE TRIGGER facilities_search_update AFTER UPDATE OF search_text ON facilities BEGIN
  INSERT INTO facilities_search (facilities_search, rowid, search_text)
  VALUES ('delete', old.id, old.search_text);
  INSERT INTO facilities_search (rowid, search_text) VALUES (new.id, new.search_text);
END;
CREATE INDEX facilities_name ON facilities (name, id);

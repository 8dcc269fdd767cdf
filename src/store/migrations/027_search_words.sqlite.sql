-- A word index beside the trigram one (026), for searches made of words and fragments of words
-- typed in letters. `facilities_words` indexes each word of the folded search text (FTS5's
-- unicode61 words, without positions). `facilities_vocab` holds every distinct word that has a
-- letter, the text split at spaces and common punctuation, with the number of facilities that
-- hold it; the same triggers keep both. A search word of letters is looked up in the
-- vocabulary (the words that contain it: "anh" is in "anh", "thanh", "khanh") and then in the
-- index as the OR of those words, which finds exactly the rows whose text contains it
-- (store/text_search.h); the counts let a search read its rarest words' lists first.
CREATE VIRTUAL TABLE facilities_words USING fts5(
  search_text, content = 'facilities', content_rowid = 'id', detail = 'none',
  tokenize = 'unicode61 remove_diacritics 0');
INSERT INTO facilities_words (facilities_words) VALUES ('rebuild');
-- A facility's distinct words that have a letter: separating punctuation becomes a space, the
-- text a JSON string (json_quote escapes it), its spaces the commas of a JSON array.
CREATE VIEW facilities_text_words AS
SELECT DISTINCT f.id, w.value AS word
FROM facilities f, json_each('[' || replace(json_quote(
  replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(
    f.search_text, ',', ' '), '.', ' '), ';', ' '), ':', ' '), '(', ' '), ')', ' '), '/', ' '),
    '-', ' '), '"', ' '), '''', ' ')), ' ', '","') || ']') AS w
WHERE w.value GLOB '*[a-z]*';
CREATE TABLE facilities_vocab (word TEXT PRIMARY KEY, n BIGINT NOT NULL) WITHOUT ROWID;
INSERT INTO facilities_vocab (word, n)
SELECT word, COUNT(*) FROM facilities_text_words GROUP BY word;
CREATE TRIGGER facilities_words_insert AFTER INSERT ON facilities BEGIN
  INSERT INTO facilities_words (rowid, search_text) VALUES (new.id, new.search_text);
  INSERT INTO facilities_vocab (word, n)
  SELECT word, 1 FROM facilities_text_words WHERE id = new.id
  ON CONFLICT (word) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER facilities_words_delete BEFORE DELETE ON facilities BEGIN
  INSERT INTO facilities_words (facilities_words, rowid, search_text)
  VALUES ('delete', old.id, old.search_text);
  UPDATE facilities_vocab SET n = n - 1
  WHERE word IN (SELECT word FROM facilities_text_words WHERE id = old.id);
END;
CREATE TRIGGER facilities_words_unsay BEFORE UPDATE OF search_text ON facilities
WHEN old.search_text IS NOT new.search_text BEGIN
  INSERT INTO facilities_words (facilities_words, rowid, search_text)
  VALUES ('delete', old.id, old.search_text);
  UPDATE facilities_vocab SET n = n - 1
  WHERE word IN (SELECT word FROM facilities_text_words WHERE id = old.id);
END;
CREATE TRIGGER facilities_words_say AFTER UPDATE OF search_text ON facilities
WHEN old.search_text IS NOT new.search_text BEGIN
  INSERT INTO facilities_words (rowid, search_text) VALUES (new.id, new.search_text);
  INSERT INTO facilities_vocab (word, n)
  SELECT word, 1 FROM facilities_text_words WHERE id = new.id
  ON CONFLICT (word) DO UPDATE SET n = n + 1;
END;

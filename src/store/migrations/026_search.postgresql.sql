-- Search over the register at national scale (a million facilities): a trigram index
-- (pg_trgm, a trusted extension that the database's owner may create) over the facilities'
-- folded search text, which PostgreSQL uses for `search_text LIKE '%word%'` when the word has
-- three letters or more. And the name order walks an index, so that a page of a large result
-- is read without sorting it all.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX facilities_search_trgm ON facilities USING gin (search_text gin_trgm_ops);
CREATE INDEX facilities_name ON facilities (name, id);

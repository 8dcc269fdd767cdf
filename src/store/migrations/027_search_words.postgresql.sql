-- SQLite's word index (027_search_words.sqlite.sql) has no counterpart here: PostgreSQL's
-- searches go through pg_trgm's index (026), which its planner uses for every LIKE. This
-- migration only names that index's role, so that both databases count the same migrations.
COMMENT ON INDEX facilities_search_trgm IS
  'the facilities'' search (store/text_search.h): every word of three letters or more';

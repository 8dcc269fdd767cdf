-- A second counter beside the data's version: raised by every write transaction except those
-- that change only the facilities' register (store::Transaction::Bump::facilities). Answers
-- that read no facility are cached under it, so that registering a facility keeps them
-- (http/response_cache.h, app/session_cache.h).
ALTER TABLE data_version ADD COLUMN outside_facilities BIGINT NOT NULL DEFAULT 0;

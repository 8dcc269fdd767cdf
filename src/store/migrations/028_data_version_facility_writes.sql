-- Beside the data's version `n` (raised by every write transaction), the number of those writes
-- that changed only the facilities' register (store::Transaction::Bump::facilities). Their
-- difference, DataVersion::outside_facilities, moves with every other write: answers that read
-- no facility are cached under it, so that registering a facility keeps them
-- (http/response_cache.h, app/session_cache.h). Kept as a count of the exceptions rather than a
-- second version so that a writer unaware of it (a process of an older release, during a
-- rolling upgrade) raises `n` alone and so still refreshes every answer.
ALTER TABLE data_version ADD COLUMN facility_writes BIGINT NOT NULL DEFAULT 0;

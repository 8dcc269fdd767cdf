#pragma once
// Schema migrations: numbered SQL files compiled into the binary, applied in order at
// start-up, each in its own transaction, recorded in schema_migrations. The first one also
// loads the reference catalogues from data/*.csv.
#include "store/db.h"

namespace kc::store {

// Applies every migration not yet applied. Idempotent.
Status migrate(Connection& db);

// The number of the newest migration this program knows.
int latest_schema_version();

// The highest migration number applied (0 for an empty database).
Result<int> schema_version(Connection& db);

}  // namespace kc::store

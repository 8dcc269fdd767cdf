#pragma once
// SQLite implementation of store::Connection: WAL journal, foreign keys on, a busy timeout so
// that concurrent writers wait instead of failing, prepared statements cached by SQL text.
#include <memory>
#include <string>

#include "store/db.h"

namespace kc::store {

Result<std::unique_ptr<Connection>> open_sqlite(const std::string& path);

// Copies the database file `from` into `to` page by page with SQLite's online backup API:
// consistent even while other connections write to `from`.
Status sqlite_copy(const std::string& from, const std::string& to);

}  // namespace kc::store

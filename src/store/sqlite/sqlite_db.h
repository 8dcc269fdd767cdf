#pragma once
// SQLite implementation of store::Connection: WAL journal, foreign keys on, a busy timeout so
// that concurrent writers wait instead of failing, prepared statements cached by SQL text.
#include <memory>
#include <string>

#include "store/db.h"

namespace kc::store {

Result<std::unique_ptr<Connection>> open_sqlite(const std::string& path);

}  // namespace kc::store

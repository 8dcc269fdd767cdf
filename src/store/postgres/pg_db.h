#pragma once
// PostgreSQL implementation of store::Connection over libpq. Repositories' `?` placeholders
// become $1, $2, ...; integers come back as int64, everything else as text. Write
// transactions take one advisory lock first, so that writers are serialised as in SQLite
// (the audit chain relies on it) and never deadlock against each other.
#include <memory>
#include <string>

#include "store/db.h"

namespace kc::store {

// `url` is a libpq connection URI: postgresql://user@host:port/dbname
Result<std::unique_ptr<Connection>> open_postgres(const std::string& url);

// "?" -> "$n", leaving string literals alone.
std::string to_dollar_placeholders(std::string_view sql);

}  // namespace kc::store

#pragma once
// Whole-database operations: per-table checksums, copying every table from one database to
// another (SQLite -> PostgreSQL and back), backups and restores.
#include <functional>
#include <map>
#include <string>

#include "store/db.h"

namespace kc::store {

// Every table of the schema, in an order where a row's references come before it.
const std::vector<std::string>& all_tables();

struct TableSum {
  std::int64_t rows = 0;
  std::string sha256;  // independent of row order and of the database's collation
  bool operator==(const TableSum&) const = default;
};
Result<std::map<std::string, TableSum>> checksums(Connection& db);

// Copies everything (reference data, register, accounts, sessions, the audit chain) from
// `from` into `to`, whose schema must be current and whose register must be empty; one
// transaction on `to`; then compares row counts and checksums of every table.
Status copy_database(Connection& from, Connection& to,
                     const std::function<void(std::size_t, std::size_t)>& progress = {});

// Backup and restore. SQLite: the online backup API (a consistent copy while the server
// runs). PostgreSQL: pg_dump / pg_restore in custom format.
Status backup(const std::string& db_location, const std::string& file);
Status restore(const std::string& file, const std::string& db_location);

}  // namespace kc::store

#pragma once
// Import of organizations, facilities and projects from a CSV or XLSX table (columns in
// README). Every row is checked — cell formats, the same rules as the API, references to the
// database and to earlier rows of the same file — and every bad row is reported as
// "row N, column C: message". One bad row means nothing is written: the whole import is one
// transaction.
#include <functional>
#include <nlohmann/json.hpp>
#include <string>

#include "app/columns.h"
#include "app/policy.h"
#include "io/table.h"
#include "store/db.h"

namespace kc::app {

struct ImportReport {
  std::size_t rows = 0;      // data rows read (blank rows skipped)
  std::size_t imported = 0;  // records written (0 on failure)
};

// Where the table came from, for the import's audit row.
struct ImportSource {
  std::string file;
  std::string sha256;  // of the file's bytes
};

// Projects are checked against look-ups memoized for the file and written by multi-row
// inserts in batches. The audit gets one row for the import (action "import", entity_id 0)
// with the file's name, SHA-256, row count and, for projects, the first and last new id: the
// file and its hash stand for the records' content, and a project's history shows that row
// (store::audit_history). Organizations, facilities and clusters are written by the API's
// use cases, with their audit row each, and the file's row after them.
// On failure the error is invalid_input and its fields are the bad cells, each with field
// "row N, column C".
Result<ImportReport> import_table(
    store::Connection& db, const Actor& actor, ImportKind kind, const io::Table& table,
    const ImportSource& source = {},
    const std::function<void(std::size_t, std::size_t)>& progress = {});

// A file uploaded from the UI (`name` gives its format: .csv, .xlsx or .xls), imported like the
// CLI imports it; with `check`, every row is checked and nothing is kept (the report the user
// confirms before importing). {"kind", "file", "rows", "imported", "checked", "notes"}; a bad
// file or row is invalid_input with the bad cells, as import_table gives them.
Result<nlohmann::json> import_upload(store::Connection& db, const Actor& actor, ImportKind kind,
                                     const std::string& name, const std::string& bytes, bool check);

}  // namespace kc::app

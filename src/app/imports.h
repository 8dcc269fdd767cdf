#pragma once
// Import of organizations, facilities and projects from a CSV or XLSX table (columns in
// README). Every row is checked — cell formats, the same rules as the API, references to the
// database and to earlier rows of the same file — and every bad row is reported as
// "row N, column C: message". One bad row means nothing is written: the whole import is one
// transaction.
#include <functional>
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

// On failure the error is invalid_input and its fields are the bad cells, each with field
// "row N, column C".
Result<ImportReport> import_table(
    store::Connection& db, const Actor& actor, ImportKind kind, const io::Table& table,
    const std::function<void(std::size_t, std::size_t)>& progress = {});

}  // namespace kc::app

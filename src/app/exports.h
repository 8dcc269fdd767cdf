#pragma once
// Export of the project register as CSV or XLSX, streamed to a file in batches (memory stays
// flat whatever the row count). The columns are the import columns (app/columns.cc), so an
// export can be edited and imported again into another database.
#include <functional>
#include <string>

#include "app/policy.h"
#include "domain/list_query.h"
#include "store/db.h"

namespace kc::app {

// Called after each batch with (rows done, rows in all).
using Progress = std::function<void(std::size_t, std::size_t)>;

struct ExportResult {
  std::size_t rows = 0;
  std::string file_name;  // what the user's browser should call it
  std::string content_type;
};

// Writes the projects the user may see that match q (paging ignored) to `path`, in one read
// transaction. format: "csv" | "xlsx" (anything else: invalid_input naming "format").
Result<ExportResult> export_projects(store::Connection& db, const Actor& a, ListQuery q,
                                     const std::string& format, const std::string& path,
                                     const Progress& progress = {});

// A new, unique path for a temporary export file (the caller removes it).
std::string temporary_export_path(const std::string& format);

}  // namespace kc::app

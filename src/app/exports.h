#pragma once
// Export of the project register as CSV or XLSX, streamed to a file in batches (memory stays
// flat whatever the row count), in one of two layouts: "data" (the default) has the import
// columns (app/columns.cc), so that an export can be edited and imported again; "report"
// is for reading and printing (app/report_layout.h: Vietnamese headers, names, a totals row).
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
// transaction. format: "csv" | "xlsx", layout: "data" | "report" (anything else:
// invalid_input naming the field).
Result<ExportResult> export_projects(store::Connection& db, const Actor& a, ListQuery q,
                                     const std::string& format, const std::string& path,
                                     const Progress& progress = {},
                                     const std::string& layout = "data");
// The checks of format and layout, for callers that start an export later.
Status check_export_options(const std::string& format, const std::string& layout);

// A new, unique path for a temporary export file (the caller removes it).
std::string temporary_export_path(const std::string& format);

}  // namespace kc::app

#pragma once
// Export of the project register as CSV or XLSX. The columns are the import columns (see
// README), so an export can be edited and imported again into another database.
#include <functional>
#include <string>

#include "app/policy.h"
#include "domain/list_query.h"
#include "io/table.h"
#include "store/db.h"

namespace kc::app {

struct ExportFile {
  std::string file_name;
  std::string content_type;
  std::string bytes;
};

// Called after each exported row with (done, total).
using Progress = std::function<void(std::size_t, std::size_t)>;

// Builds the table of projects matching q (paging ignored).
Result<io::Table> project_table(store::Connection& db, const Actor& a, ListQuery q,
                                const Progress& progress = {});
// format: "csv" | "xlsx"; an unknown format is invalid_input naming "format".
Result<ExportFile> export_projects_bytes(store::Connection& db, const Actor& a, const ListQuery& q,
                                         const std::string& format, const Progress& progress = {});

}  // namespace kc::app

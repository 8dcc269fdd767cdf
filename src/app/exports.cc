#include "app/exports.h"

#include <unistd.h>
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>

#include "app/columns.h"
#include "app/projects.h"
#include "io/csv.h"
#include "io/xlsx_writer.h"
#include "store/project_repo.h"
#include "store/register_repo.h"

namespace kc::app {
namespace {}  // namespace

Result<io::Table> project_table(store::Connection& db, const Actor& a, ListQuery q,
                                const Progress& progress) {
  if (!may(a, Permission::read_projects)) return std::unexpected(Error::forbidden());
  apply_scope(q, project_scope(a));
  auto tx = store::Transaction::read(db);
  if (!tx) return std::unexpected(tx.error());
  auto projects = store::find_projects(db, q);
  if (!projects) return std::unexpected(projects.error());
  auto program_code = store::program_codes(db);
  if (!program_code) return std::unexpected(program_code.error());

  io::Table t;
  for (const auto& c : columns_of(ImportKind::projects)) t.header.push_back(c.name);
  ExportContext ctx{*program_code};
  size_t done = 0;
  for (const auto& p : *projects) {
    t.rows.push_back(project_cells(p, ctx));
    if (progress) progress(++done, projects->size());
  }
  (void)tx->commit();
  return t;
}

Result<ExportFile> export_projects_bytes(store::Connection& db, const Actor& a, const ListQuery& q,
                                         const std::string& format, const Progress& progress) {
  if (format != "csv" && format != "xlsx")
    return std::unexpected(
        Error::invalid("unknown export format", {{"format", "must be csv or xlsx"}}));
  auto table = project_table(db, a, q, progress);
  if (!table) return std::unexpected(table.error());
  if (format == "csv") {
    std::string out = "\xEF\xBB\xBF";  // BOM: spreadsheet programs then read UTF-8 correctly
    io::append_csv_record(out, table->header);
    for (const auto& r : table->rows) io::append_csv_record(out, r);
    return ExportFile{"de-an.csv", "text/csv; charset=utf-8", std::move(out)};
  }
  char path[] = "/tmp/khuyencong-export-XXXXXX";
  int fd = mkstemp(path);
  if (fd < 0) return std::unexpected(Error::internal("cannot create a temporary file"));
  close(fd);
  auto numbers = project_number_columns();
  io::SheetData sheet{"De an", table->header, table->rows, {numbers.begin(), numbers.end()}};
  auto written = io::write_xlsx(path, sheet);
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  std::remove(path);
  if (!written) return std::unexpected(written.error());
  return ExportFile{"de-an.xlsx",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ss.str()};
}

}  // namespace kc::app

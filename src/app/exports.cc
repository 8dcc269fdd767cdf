#include "app/exports.h"

#include <unistd.h>

#include <cstdlib>

#include "app/columns.h"
#include "app/report_layout.h"
#include "io/table_writer.h"
#include "store/project_repo.h"
#include "store/register_repo.h"

namespace kc::app {

Status check_export_options(const std::string& format, const std::string& layout) {
  std::vector<FieldError> errors;
  if (format != "csv" && format != "xlsx")
    errors.push_back({"format", FieldCode::one_of, {{"allowed", "csv, xlsx"}}});
  if (layout != "data" && layout != "report")
    errors.push_back({"layout", FieldCode::one_of, {{"allowed", "data, report"}}});
  if (errors.empty()) return {};
  return std::unexpected(Error::invalid("unknown export format or layout", std::move(errors)));
}

Result<ExportResult> export_projects(store::Connection& db, const Actor& a, ListQuery q,
                                     const std::string& format, const std::string& path,
                                     const Progress& progress, const std::string& layout) {
  if (auto s = check_export_options(format, layout); !s) return std::unexpected(s.error());
  if (!may(a, Permission::read_projects)) return std::unexpected(Error::forbidden());
  apply_scope(q, project_scope(a));
  auto tx = store::Transaction::read(db);
  if (!tx) return std::unexpected(tx.error());
  auto program_codes = store::program_codes(db);
  if (!program_codes) return std::unexpected(program_codes.error());
  const bool report = layout == "report";
  std::vector<std::string> header = ReportLayout::header();
  auto numbers = ReportLayout::number_columns();
  if (!report) {
    header.clear();
    for (const auto& c : columns_of(ImportKind::projects)) header.push_back(c.name);
    numbers = project_number_columns();
  }
  auto writer =
      io::open_table_writer(path, format, "De an", header, {numbers.begin(), numbers.end()});
  if (!writer) return std::unexpected(writer.error());
  ExportContext ctx{*program_codes};
  ReportLayout sheet(db);
  ExportResult result{0, format == "csv" ? "de-an.csv" : "de-an.xlsx",
                      format == "csv" ? "text/csv; charset=utf-8"
                                      : "application/vnd.openxmlformats-officedocument."
                                        "spreadsheetml.sheet"};
  auto s = store::each_project_batch(
      db, q, 2000, [&](std::vector<Project>& batch, std::size_t total) -> Status {
        for (const auto& p : batch) {
          auto cells = report ? sheet.row(result.rows + 1, p) : project_cells(p, ctx);
          if (!cells) return std::unexpected(cells.error());
          if (auto w = (*writer)->add_row(*cells); !w) return w;
          ++result.rows;
        }
        if (progress) progress(result.rows, total);
        return {};
      });
  if (!s) return std::unexpected(s.error());
  if (report)
    if (auto w = (*writer)->add_row(sheet.totals()); !w) return std::unexpected(w.error());
  if (auto c = (*writer)->close(); !c) return std::unexpected(c.error());
  (void)tx->commit();
  return result;
}

std::string temporary_export_path(const std::string& format) {
  const char* dir = std::getenv("TMPDIR");
  std::string path = std::string(dir && *dir ? dir : "/tmp") + "/khuyencong-export-XXXXXX";
  int fd = mkstemp(path.data());
  if (fd >= 0) close(fd);
  std::string named = path + "." + format;
  std::rename(path.c_str(), named.c_str());
  return named;
}

}  // namespace kc::app

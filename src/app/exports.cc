#include "app/exports.h"

#include <unistd.h>
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>

#include "app/projects.h"
#include "io/csv.h"
#include "io/xlsx_writer.h"
#include "store/project_repo.h"
#include "store/register_repo.h"

namespace kc::app {
namespace {

std::string join_ids(const std::vector<std::int64_t>& ids) {
  std::string s;
  for (auto id : ids) s += (s.empty() ? "" : ";") + std::to_string(id);
  return s;
}

}  // namespace

const std::vector<std::string>& project_columns() {
  static const std::vector<std::string> kColumns{"code",
                                                 "title",
                                                 "year",
                                                 "program_code",
                                                 "content_code",
                                                 "kind",
                                                 "provinces",
                                                 "implementing_org_id",
                                                 "beneficiary_ids",
                                                 "cooperating_org_ids",
                                                 "requested_vnd",
                                                 "counterpart_vnd",
                                                 "total_vnd",
                                                 "start",
                                                 "end",
                                                 "outputs",
                                                 "priority_flags",
                                                 "status"};
  return kColumns;
}

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
  t.header = project_columns();
  size_t done = 0;
  for (const auto& p : *projects) {
    std::string provinces, outputs, flags;
    for (const auto& pr : p.provinces)
      provinces += (provinces.empty() ? "" : ";") + pr.set + ":" + pr.code;
    for (const auto& o : p.outputs)
      outputs += (outputs.empty() ? "" : ";") + o.indicator + "=" + std::to_string(o.quantity);
    for (const auto& f : p.priority_flags) flags += (flags.empty() ? "" : ";") + f;
    t.rows.push_back({p.code, p.title, std::to_string(p.year), (*program_code)[p.program_id],
                      p.content_code, p.kind, provinces, std::to_string(p.implementing_org_id),
                      join_ids(p.beneficiary_ids), join_ids(p.cooperating_org_ids),
                      std::to_string(p.requested_vnd), std::to_string(p.counterpart_vnd),
                      std::to_string(p.total_vnd), to_iso(p.start), to_iso(p.end), outputs, flags,
                      p.status});
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
  io::SheetData sheet{"De an", table->header, table->rows, {2, 7, 10, 11, 12}};
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

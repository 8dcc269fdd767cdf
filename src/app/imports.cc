#include "app/imports.h"

#include "app/codec.h"
#include "app/columns.h"
#include "app/projects.h"
#include "app/register.h"
#include "domain/money.h"
#include "domain/text.h"
#include "io/problems.h"
#include "store/register_repo.h"

namespace kc::app {
namespace {

// "provinces/0/code" -> "provinces", "program_id" -> "program_code", "province/set" ->
// "province_set".
std::string column_of(const std::string& field) {
  if (field == "program_id") return "program_code";
  if (field.starts_with("province/"))
    return field == "province/set" ? "province_set" : "province_code";
  if (field == "province") return "province_code";
  return field.substr(0, field.find('/'));
}

// Writes one row; field errors are appended as (column, message).
Status write_row(store::Connection& db, const Actor& actor, ImportKind kind, json& j,
                 CellErrors& errors) {
  auto add_errors = [&](const Error& e) -> Status {
    if (e.kind != ErrorKind::invalid_input) return std::unexpected(e);
    if (e.fields.empty()) errors.push_back({"", e.message});
    for (const auto& f : e.fields) errors.push_back({column_of(f.field), f.message});
    return {};
  };
  if (kind == ImportKind::organizations) {
    auto o = organization_from_json(j, false);
    if (!o) return add_errors(o.error());
    if (auto id = insert_organization_checked(db, actor, *o); !id) return add_errors(id.error());
    return {};
  }
  if (kind == ImportKind::facilities) {
    auto f = facility_from_json(j, false);
    if (!f) return add_errors(f.error());
    if (auto id = insert_facility_checked(db, actor, *f); !id) return add_errors(id.error());
    return {};
  }
  // Projects name their program by code.
  if (j.contains("program_code")) {
    auto id = store::find_program_id(db, j["program_code"].get<std::string>());
    if (!id) return std::unexpected(id.error());
    if (!*id)
      errors.push_back({"program_code", "no program with this code"});
    else
      j["program_id"] = **id;
    j.erase("program_code");
  }
  if (!j.contains("program_id")) {
    if (errors.empty() || errors.back().first != "program_code")
      errors.push_back({"program_code", "is required"});
    return {};
  }
  auto p = project_from_json(j, false);
  if (!p) return add_errors(p.error());
  if (auto id = insert_project_checked(db, actor, *p); !id) return add_errors(id.error());
  return {};
}

}  // namespace

Result<ImportReport> import_table(store::Connection& db, const Actor& actor, ImportKind kind,
                                  const io::Table& table,
                                  const std::function<void(std::size_t, std::size_t)>& progress) {
  const auto& cols = columns_of(kind);
  io::ProblemList problems;
  std::vector<std::optional<size_t>> index;
  for (const auto& c : cols) index.push_back(table.column(c.name));
  for (size_t h = 0; h < table.header.size(); ++h) {
    bool known = false;
    for (const auto& c : cols) known = known || table.header[h] == c.name;
    if (!known && !table.header[h].empty())
      problems.add(1, table.header[h], "is not a known column");
  }
  if (!problems.empty())
    return std::unexpected(problems.error("the header row has unknown columns"));

  auto tx = store::Transaction::write(db);
  if (!tx) return std::unexpected(tx.error());
  ImportReport report;
  for (size_t i = 0; i < table.rows.size(); ++i) {
    const auto& row = table.rows[i];
    bool blank = true;
    for (const auto& cell : row) blank = blank && trim(cell).empty();
    if (blank) continue;
    ++report.rows;
    json j = json::object();
    CellErrors errors;
    for (size_t c = 0; c < cols.size(); ++c)
      if (index[c]) put_cell(j, cols[c], row[*index[c]], errors);
    // Every row is checked, also after a bad one (the transaction is rolled back then).
    if (errors.empty()) {
      if (auto s = write_row(db, actor, kind, j, errors); !s) return std::unexpected(s.error());
    }
    for (auto& [col, msg] : errors) problems.add(table.row_number(i), col, std::move(msg));
    if (progress) progress(i + 1, table.rows.size());
  }
  if (!problems.empty())
    return std::unexpected(
        problems.error(std::to_string(problems.count()) + " problem(s); nothing was imported"));
  if (auto c = tx->commit(); !c) return std::unexpected(c.error());
  report.imported = report.rows;
  return report;
}

}  // namespace kc::app

#include "app/imports.h"

#include <charconv>

#include "app/codec.h"
#include "app/projects.h"
#include "app/register.h"
#include "domain/money.h"
#include "domain/text.h"
#include "io/problems.h"
#include "store/register_repo.h"

namespace kc::app {
namespace {

using CellErrors = std::vector<std::pair<std::string, std::string>>;  // (column, message)

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t end = s.find(sep, start);
    if (end == std::string::npos) end = s.size();
    std::string part(trim(std::string_view(s).substr(start, end - start)));
    if (!part.empty()) out.push_back(part);
    start = end + 1;
  }
  return out;
}

std::optional<std::int64_t> to_int(const std::string& s) {
  std::int64_t v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc{} || p != s.data() + s.size()) return std::nullopt;
  return v;
}

// Column kinds for turning a row into the API's JSON shape.
enum class Cell {
  text,
  integer,
  money,
  boolean,
  province_pair,
  provinces,
  id_list,
  outputs,
  flags
};

struct Column {
  const char* name;
  Cell cell;
};

const std::vector<Column>& columns_of(ImportKind kind) {
  static const std::vector<Column> kOrgs{{"name", Cell::text},
                                         {"kind", Cell::text},
                                         {"province_set", Cell::province_pair},
                                         {"province_code", Cell::province_pair},
                                         {"address", Cell::text},
                                         {"tax_code", Cell::text}};
  static const std::vector<Column> kFacilities{{"name", Cell::text},
                                               {"kind", Cell::text},
                                               {"province_set", Cell::province_pair},
                                               {"province_code", Cell::province_pair},
                                               {"tax_code", Cell::text},
                                               {"commune", Cell::text},
                                               {"address", Cell::text},
                                               {"craft_village", Cell::boolean},
                                               {"women_owned", Cell::boolean},
                                               {"ethnic_minority_workers", Cell::boolean},
                                               {"industry", Cell::text},
                                               {"employees", Cell::integer}};
  static const std::vector<Column> kProjects{{"code", Cell::text},
                                             {"title", Cell::text},
                                             {"year", Cell::integer},
                                             {"program_code", Cell::text},
                                             {"content_code", Cell::text},
                                             {"kind", Cell::text},
                                             {"provinces", Cell::provinces},
                                             {"implementing_org_id", Cell::integer},
                                             {"beneficiary_ids", Cell::id_list},
                                             {"cooperating_org_ids", Cell::id_list},
                                             {"requested_vnd", Cell::money},
                                             {"counterpart_vnd", Cell::money},
                                             {"total_vnd", Cell::money},
                                             {"start", Cell::text},
                                             {"end", Cell::text},
                                             {"outputs", Cell::outputs},
                                             {"priority_flags", Cell::flags},
                                             {"status", Cell::text}};
  switch (kind) {
    case ImportKind::organizations:
      return kOrgs;
    case ImportKind::facilities:
      return kFacilities;
    case ImportKind::projects:
      return kProjects;
  }
  return kOrgs;
}

// Converts one cell into JSON at j[column]; appends an error when the cell is malformed.
void put_cell(json& j, const Column& c, const std::string& raw, CellErrors& errors) {
  std::string v(trim(raw));
  if (v.empty()) return;  // absent: the codec reports it when required
  switch (c.cell) {
    case Cell::text:
      // Our exports protect formula-like text with a leading "'": take it off again.
      if (v.size() > 1 && v[0] == '\'' && std::string_view("=+-@").find(v[1]) != std::string::npos)
        v.erase(0, 1);
      j[c.name] = v;
      break;
    case Cell::integer:
      if (auto n = to_int(v))
        j[c.name] = *n;
      else
        errors.push_back({c.name, "must be a whole number"});
      break;
    case Cell::money:
      if (auto n = parse_vnd(v))
        j[c.name] = *n;
      else
        errors.push_back({c.name, "must be a whole, non-negative number of đồng"});
      break;
    case Cell::boolean: {
      std::string f = fold_for_search(v);
      if (f == "1" || f == "true" || f == "yes" || f == "co" || f == "x")
        j[c.name] = true;
      else if (f == "0" || f == "false" || f == "no" || f == "khong")
        j[c.name] = false;
      else
        errors.push_back({c.name, "must be 1/0, yes/no or có/không"});
      break;
    }
    case Cell::province_pair:
      j["province"][std::string(c.name) == "province_set" ? "set" : "code"] = v;
      break;
    case Cell::provinces: {
      json a = json::array();
      for (const auto& part : split(v, ';')) {
        auto colon = part.find(':');
        if (colon == std::string::npos) {
          errors.push_back({c.name, "write each province as SET:CODE, e.g. 2008:01;2008:79"});
          return;
        }
        a.push_back({{"set", part.substr(0, colon)}, {"code", part.substr(colon + 1)}});
      }
      j[c.name] = a;
      break;
    }
    case Cell::id_list: {
      json a = json::array();
      for (const auto& part : split(v, ';')) {
        auto n = to_int(part);
        if (!n) {
          errors.push_back({c.name, "must be ids separated by ';'"});
          return;
        }
        a.push_back(*n);
      }
      j[c.name] = a;
      break;
    }
    case Cell::outputs: {
      json a = json::array();
      for (const auto& part : split(v, ';')) {
        auto eq = part.find('=');
        auto n = eq == std::string::npos ? std::nullopt : to_int(part.substr(eq + 1));
        if (!n) {
          errors.push_back({c.name, "write outputs as indicator=quantity;..."});
          return;
        }
        a.push_back({{"indicator", part.substr(0, eq)}, {"quantity", *n}});
      }
      j[c.name] = a;
      break;
    }
    case Cell::flags:
      j[c.name] = split(v, ';');
      break;
  }
}

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

const std::vector<std::string>& import_columns(ImportKind kind) {
  static std::map<ImportKind, std::vector<std::string>> cache = [] {
    std::map<ImportKind, std::vector<std::string>> m;
    for (auto k : {ImportKind::organizations, ImportKind::facilities, ImportKind::projects})
      for (const auto& c : columns_of(k)) m[k].push_back(c.name);
    return m;
  }();
  return cache[kind];
}

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

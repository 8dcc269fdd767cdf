#include "app/imports.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <future>
#include <optional>

#include "app/audit.h"
#include "app/clusters.h"
#include "app/codec.h"
#include "app/columns.h"
#include "app/exports.h"
#include "app/priority_flags.h"
#include "app/projects.h"
#include "app/register.h"
#include "crypto/crypto.h"
#include "domain/money.h"
#include "domain/text.h"
#include "io/problems.h"
#include "store/project_repo.h"
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

// An invalid input's field errors as the row's cell errors (each under its column); any other
// error is returned.
Status cell_errors(const Error& e, CellErrors& errors) {
  if (e.kind != ErrorKind::invalid_input) return std::unexpected(e);
  if (e.fields.empty()) errors.push_back({"", FieldCode::file_problem, {{"message", e.message}}});
  for (const auto& f : e.fields) errors.push_back({column_of(f.field), f.code, f.params});
  return {};
}

// Writes one row; field errors are appended under their columns.
Status write_row(store::Connection& db, const Actor& actor, ImportKind kind, json& j,
                 CellErrors& errors) {
  auto add_errors = [&](const Error& e) { return cell_errors(e, errors); };
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
  if (kind == ImportKind::clusters) {
    // The API's own use case: the same checks, the same audit (a savepoint inside the import).
    if (auto c = create_cluster(db, actor, j); !c) return add_errors(c.error());
    return {};
  }
  return {};
}

// A data row of the table as the codec reads it: its cells as JSON (put_cell) and, for
// projects, the project decoded, with its program's code kept aside for the database.
struct ReadRow {
  std::size_t index = 0;  // in table.rows
  json j = json::object();
  CellErrors errors;
  std::optional<std::string> program_code;
  Result<Project> project = std::unexpected(Error::internal("not decoded"));
};

// Reads row i (nullopt when blank). Touches no database: rows are read on another thread
// while the rows before them are checked and written.
std::optional<ReadRow> read_row(ImportKind kind, const std::vector<Column>& cols,
                                const std::vector<std::optional<size_t>>& index,
                                const io::Table& table, std::size_t i) {
  const auto& cells = table.rows[i];
  if (std::ranges::all_of(cells, [](const std::string& c) { return trim(c).empty(); }))
    return std::nullopt;
  ReadRow row;
  row.index = i;
  for (size_t c = 0; c < cols.size(); ++c)
    if (index[c]) put_cell(row.j, cols[c], cells[*index[c]], row.errors);
  if (kind != ImportKind::projects || !row.errors.empty()) return row;
  if (auto code = row.j.find("program_code"); code != row.j.end()) {
    row.program_code = code->get<std::string>();
    row.j.erase(code);
    row.j["program_id"] = 0;  // resolved by the writer
    row.project = project_from_json(row.j, false);
    row.j = json();  // freed here, not on the writer's thread
  }
  return row;
}

// Projects are checked row by row against look-ups memoized for the whole file and written
// in batches of multi-row inserts, as long as no row has failed. Their audit is the file's one
// row (below), which names the range of ids the file created.
class ProjectBatch {
 public:
  ProjectBatch(store::Connection& db, const Actor& actor)
      : db_(db), actor_(actor), lookups_(db, true) {}

  // A row read by read_row: its program resolved here, then checked against the database.
  Status add(ReadRow& row) {
    auto& errors = row.errors;
    auto add_errors = [&](const Error& e) { return cell_errors(e, errors); };
    if (!row.program_code) {
      errors.push_back({"program_code", FieldCode::required});
      return {};
    }
    auto id = program_id(*row.program_code);
    if (!id) return std::unexpected(id.error());
    if (!*id) {
      errors.push_back({"program_code", FieldCode::unknown_program});
      return {};
    }
    if (!may(actor_, Permission::write_projects)) return std::unexpected(Error::forbidden());
    auto& p = row.project;
    if (!p) return add_errors(p.error());
    p->program_id = **id;
    p->id = 0;
    auto facts = check_project(db_, lookups_, actor_, *p, nullptr);
    if (!facts) return add_errors(facts.error());
    if (auto s = settle_priority_flags(lookups_, *p, *facts); !s) return s;
    if (auto s = check_write_scope(actor_, *p, *facts); !s) return add_errors(s.error());
    lookups_.take_code(p->code);
    pending_.push_back(std::move(*p));
    facts_.push_back(std::move(*facts));
    return {};
  }

  // Writes the pending projects (when the file has had no problem so far: else the import is
  // lost anyway and only checking goes on).
  Status flush(bool clean) {
    if (clean && !pending_.empty()) {
      if (auto s = store::insert_projects(db_, pending_, facts_); !s) return s;
      if (!first_id_) first_id_ = pending_.front().id;
      last_id_ = pending_.back().id;
    }
    pending_.clear();
    facts_.clear();
    return {};
  }
  std::size_t pending() const { return pending_.size(); }
  json ids() const { return {{"first_id", first_id_}, {"last_id", last_id_}}; }

 private:
  Result<std::optional<std::int64_t>> program_id(const std::string& code) {
    if (auto it = programs_.find(code); it != programs_.end()) return it->second;
    auto id = store::find_program_id(db_, code);
    if (id) programs_.emplace(code, *id);
    return id;
  }

  store::Connection& db_;
  const Actor& actor_;
  ProjectLookups lookups_;
  std::unordered_map<std::string, std::optional<std::int64_t>> programs_;
  std::vector<Project> pending_;
  std::vector<std::vector<store::ProvinceFacts>> facts_;
  std::int64_t first_id_ = 0, last_id_ = 0;
};

}  // namespace

Result<ImportReport> import_table(store::Connection& db, const Actor& actor, ImportKind kind,
                                  const io::Table& table, const ImportSource& source,
                                  const std::function<void(std::size_t, std::size_t)>& progress) {
  const auto& cols = columns_of(kind);
  io::ProblemList problems;
  std::vector<std::optional<size_t>> index;
  for (const auto& c : cols) index.push_back(table.column(c.name));
  for (size_t h = 0; h < table.header.size(); ++h) {
    bool known = false;
    for (const auto& c : cols) known = known || table.header[h] == c.name;
    if (!known && !table.header[h].empty())
      problems.add(1, table.header[h], FieldCode::unknown_column);
  }
  if (!problems.empty())
    return std::unexpected(problems.error("the header row has unknown columns"));

  auto tx = store::Transaction::write(db);
  if (!tx) return std::unexpected(tx.error());
  ImportReport report;
  ProjectBatch projects(db, actor);
  constexpr std::size_t kBatch = 2000;
  // Rows are read a chunk ahead, on another thread, while this one checks and writes.
  const std::size_t n = table.rows.size();
  auto read_chunk = [&](std::size_t from) {
    return std::async(std::launch::async, [&, from] {
      std::vector<ReadRow> out;
      for (std::size_t i = from; i < std::min(n, from + kBatch); ++i)
        if (auto r = read_row(kind, cols, index, table, i)) out.push_back(std::move(*r));
      return out;
    });
  };
  auto next = read_chunk(0);
  for (std::size_t from = 0; from < n; from += kBatch) {
    auto chunk = next.get();
    if (from + kBatch < n) next = read_chunk(from + kBatch);
    for (auto& row : chunk) {
      ++report.rows;
      // Every row is checked, also after a bad one (the transaction is rolled back then).
      if (row.errors.empty()) {
        auto s = kind == ImportKind::projects ? projects.add(row)
                                              : write_row(db, actor, kind, row.j, row.errors);
        if (!s) return std::unexpected(s.error());
      }
      for (auto& e : row.errors)
        problems.add(table.row_number(row.index), e.field, e.code, std::move(e.params));
      if (progress) progress(row.index + 1, n);
    }
    if (projects.pending() >= kBatch)
      if (auto s = projects.flush(problems.empty()); !s) return std::unexpected(s.error());
  }
  if (auto s = projects.flush(problems.empty()); !s) return std::unexpected(s.error());
  if (!problems.empty())
    return std::unexpected(
        problems.error(std::to_string(problems.count()) + " problem(s); nothing was imported"));
  // One row for the import itself: which file (its SHA-256), how many records, which ids.
  json after = {{"file", source.file}, {"sha256", source.sha256}, {"rows", report.rows}};
  if (kind == ImportKind::projects) after.update(projects.ids());
  if (auto s = audit(db, actor, kind_name(kind), 0, "import", nullptr, after); !s)
    return std::unexpected(s.error());
  if (auto c = tx->commit(); !c) return std::unexpected(c.error());
  report.imported = report.rows;
  return report;
}

Result<json> import_upload(store::Connection& db, const Actor& actor, ImportKind kind,
                           const std::string& name, const std::string& bytes, bool check) {
  std::string format = std::filesystem::path(name).extension().string();  // ".csv"
  if (!format.empty()) format.erase(0, 1);
  for (auto& c : format) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (format != "csv" && format != "xlsx" && format != "xls")
    return std::unexpected(Error::invalid(
        "invalid query", {{"name", FieldCode::one_of, {{"allowed", "csv, xlsx, xls"}}}}));
  const std::string path = temporary_export_path(format);
  Result<io::Table> table = std::unexpected(Error::internal("cannot store the upload"));
  if (std::ofstream out(path, std::ios::binary); out.write(bytes.data(), std::ssize(bytes)))
    out.close(), table = io::read_table_file(path);
  std::filesystem::remove(path);
  if (!table) return std::unexpected(table.error());
  // A check runs the whole import inside a transaction that is then rolled back.
  std::optional<store::Transaction> outer;
  if (check) {
    auto tx = store::Transaction::write(db, store::Transaction::Bump::no);
    if (!tx) return std::unexpected(tx.error());
    outer.emplace(std::move(*tx));
  }
  auto r = import_table(db, actor, kind, *table, {name, crypto::sha256_hex(bytes)});
  if (!r) return std::unexpected(r.error());
  return json{{"kind", kind_name(kind)}, {"file", name},
              {"rows", r->rows},         {"imported", check ? 0 : r->imported},
              {"checked", check},        {"notes", table->notes}};
}

}  // namespace kc::app

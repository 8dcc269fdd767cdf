#include "app/imports.h"

#include <cctype>
#include <filesystem>
#include <fstream>
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
#include "store/audit_repo.h"
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

// Projects are checked row by row against look-ups memoized for the whole file and written
// in batches of multi-row inserts with their audit rows, as long as no row has failed.
class ProjectBatch {
 public:
  ProjectBatch(store::Connection& db, const Actor& actor)
      : db_(db), actor_(actor), lookups_(db, true) {}

  Status add(json& j, CellErrors& errors) {
    auto add_errors = [&](const Error& e) { return cell_errors(e, errors); };
    if (j.contains("program_code")) {
      auto id = program_id(j["program_code"].get<std::string>());
      if (!id) return std::unexpected(id.error());
      if (!*id)
        errors.push_back({"program_code", FieldCode::unknown_program});
      else
        j["program_id"] = **id;
      j.erase("program_code");
    }
    if (!j.contains("program_id")) {
      if (errors.empty() || errors.back().field != "program_code")
        errors.push_back({"program_code", FieldCode::required});
      return {};
    }
    if (!may(actor_, Permission::write_projects)) return std::unexpected(Error::forbidden());
    auto p = project_from_json(j, false);
    if (!p) return add_errors(p.error());
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
      std::vector<AuditEntry> entries;
      entries.reserve(pending_.size());
      for (const auto& p : pending_)
        entries.push_back(audit_entry(actor_, "projects", p.id, "create", nullptr, to_json(p)));
      if (auto s = store::append_audit(db_, entries); !s) return s;
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
      auto s = kind == ImportKind::projects ? projects.add(j, errors)
                                            : write_row(db, actor, kind, j, errors);
      if (!s) return std::unexpected(s.error());
    }
    for (auto& e : errors) problems.add(table.row_number(i), e.field, e.code, std::move(e.params));
    if (projects.pending() >= kBatch)
      if (auto s = projects.flush(problems.empty()); !s) return std::unexpected(s.error());
    if (progress) progress(i + 1, table.rows.size());
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

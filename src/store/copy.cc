#include "store/copy.h"

#include <spawn.h>
#include <sys/wait.h>

#include <algorithm>

#include "crypto/crypto.h"
#include "store/files.h"
#include "store/sqlite/sqlite_db.h"

extern char** environ;

namespace kc::store {
namespace {

Result<std::vector<std::string>> columns_of(Connection& db, const std::string& table) {
  std::vector<Value> p{table};
  auto rows = db.dialect() == "postgresql"
                  ? db.query(
                        "SELECT column_name FROM information_schema.columns WHERE table_name = ? "
                        "AND table_schema = current_schema() ORDER BY ordinal_position",
                        p)
                  : db.query("SELECT name FROM pragma_table_info(?) ORDER BY cid", p);
  if (!rows) return std::unexpected(rows.error());
  std::vector<std::string> out;
  for (const auto& r : *rows) out.push_back(r.str(0));
  return out;
}

std::string joined(const std::vector<std::string>& cols) {
  std::string s;
  for (const auto& c : cols) s += (s.empty() ? "" : ", ") + c;
  return s;
}

Status run(const std::vector<std::string>& argv) {
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid;
  if (posix_spawnp(&pid, args[0], nullptr, nullptr, args.data(), environ) != 0)
    return std::unexpected(Error::internal("cannot run " + argv[0]));
  int status = 0;
  waitpid(pid, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
    return std::unexpected(
        Error::internal(argv[0] + " failed (exit " + std::to_string(WEXITSTATUS(status)) + ")"));
  return {};
}

}  // namespace

const std::vector<std::string>& all_tables() {
  static const std::vector<std::string> kTables{"regions",
                                                "areas",
                                                "region_areas",
                                                "provinces",
                                                "province_merger",
                                                "contents",
                                                "indicators",
                                                "rules",
                                                "program_periods",
                                                "period_targets",
                                                "report_groups",
                                                "content_report_groups",
                                                "programs",
                                                "organizations",
                                                "facilities",
                                                "projects",
                                                "project_provinces",
                                                "project_beneficiaries",
                                                "project_cooperators",
                                                "project_outputs",
                                                "project_flags",
                                                "project_dossiers",
                                                "project_milestones",
                                                "project_cost_items",
                                                "users",
                                                "sessions",
                                                "login_throttle",
                                                "rounds",
                                                "round_criteria",
                                                "councils",
                                                "council_members",
                                                "assignments",
                                                "scores",
                                                "conclusions",
                                                "round_conclusions",
                                                "plan_scenarios",
                                                "plan_decisions",
                                                "plan_decision_items",
                                                "plan_tranches",
                                                "group_splits",
                                                "group_split_items",
                                                "attachments",
                                                "contracts",
                                                "payments",
                                                "progress_reports",
                                                "acceptances",
                                                "acceptance_outputs",
                                                "acceptance_beneficiaries",
                                                "contract_changes",
                                                "monitoring_visits",
                                                "fairs",
                                                "booth_supports",
                                                "typical_products",
                                                "industrial_clusters",
                                                "cluster_projects",
                                                "articles",
                                                "article_images",
                                                "petitions",
                                                "cluster_reports",
                                                "cluster_report_compilations",
                                                "product_chains",
                                                "chain_links",
                                                "chain_projects",
                                                "selection_rounds",
                                                "selection_members",
                                                "nominations",
                                                "nomination_sheets",
                                                "notification_choices",
                                                "notifications",
                                                "mail_outbox",
                                                "scheduler_runs",
                                                "audit_log",
                                                "data_version"};
  return kTables;
}

Result<std::map<std::string, TableSum>> checksums(Connection& db) {
  std::map<std::string, TableSum> out;
  for (const auto& t : all_tables()) {
    auto cols = columns_of(db, t);
    if (!cols) return std::unexpected(cols.error());
    auto rows = db.query("SELECT " + joined(*cols) + " FROM " + t, {});
    if (!rows) return std::unexpected(rows.error());
    std::vector<std::string> hashes;
    for (const auto& r : *rows) {
      std::string line;
      for (size_t i = 0; i < r.size(); ++i)
        line += (r.is_null(i) ? std::string("\\N") : r.str(i)) + '\x1f';
      hashes.push_back(crypto::sha256_hex(line));
    }
    std::sort(hashes.begin(), hashes.end());
    std::string all;
    for (const auto& h : hashes) all += h;
    out[t] = {static_cast<std::int64_t>(rows->size()), crypto::sha256_hex(all)};
  }
  return out;
}

Status copy_database(Connection& from, Connection& to,
                     const std::function<void(std::size_t, std::size_t)>& progress) {
  auto used = to.scalar(
      "SELECT (SELECT COUNT(*) FROM projects) + (SELECT COUNT(*) FROM users) + "
      "(SELECT COUNT(*) FROM audit_log) + (SELECT COUNT(*) FROM organizations)",
      {});
  if (!used) return std::unexpected(used.error());
  if (*used > 0) return std::unexpected(Error::invalid("the target database is not empty"));
  auto tx = Transaction::write(to, Transaction::Bump::no);  // the copy keeps the version
  if (!tx) return std::unexpected(tx.error());
  const auto& tables = all_tables();
  for (auto it = tables.rbegin(); it != tables.rend(); ++it)
    if (auto d = to.exec("DELETE FROM " + *it, {}); !d) return std::unexpected(d.error());
  for (size_t i = 0; i < tables.size(); ++i) {
    const auto& t = tables[i];
    auto cols = columns_of(to, t);
    if (!cols) return std::unexpected(cols.error());
    auto rows = from.query("SELECT " + joined(*cols) + " FROM " + t, {});
    if (!rows) return std::unexpected(rows.error());
    std::string marks;
    for (size_t c = 0; c < cols->size(); ++c) marks += c ? ", ?" : "?";
    std::string insert = "INSERT INTO " + t + " (" + joined(*cols) + ") VALUES (" + marks + ")";
    for (const auto& r : *rows) {
      std::vector<Value> v;
      for (size_t c = 0; c < r.size(); ++c)
        v.push_back(r.is_null(c) ? Value(nullptr) : Value(r.str(c)));
      if (auto e = to.exec(insert, v); !e)
        return std::unexpected(Error::internal(t + ": " + e.error().message));
    }
    if (to.dialect() == "postgresql" &&
        std::find(cols->begin(), cols->end(), "id") != cols->end()) {
      auto s = to.query("SELECT setval(pg_get_serial_sequence('" + t +
                            "', 'id'), COALESCE(MAX(id), 0) + 1, false) FROM " + t,
                        {});
      if (!s) return std::unexpected(s.error());
    }
    if (progress) progress(i + 1, tables.size());
  }
  // The copied facilities, marked by the target's trigger, carry the copied version: a search
  // index that saw the target before reads them all again (store/facility_index.h).
  if (auto stamped = stamp_facility_changes(to); !stamped) return stamped;
  if (auto c = tx->commit(); !c) return c;
  auto a = checksums(from), b = checksums(to);
  if (!a) return std::unexpected(a.error());
  if (!b) return std::unexpected(b.error());
  for (const auto& t : tables) {
    if ((*a)[t] != (*b)[t])
      return std::unexpected(Error::internal(
          "table " + t + " differs after the copy: " + std::to_string((*a)[t].rows) +
          " rows in the source, " + std::to_string((*b)[t].rows) + " in the target"));
  }
  // The planner's statistics of the rows just copied, which autovacuum gathers only later:
  // without them a search of common words walked a million facilities in id order (3.3 s
  // instead of 50 ms; docs/benchmarks.md, the search).
  if (to.dialect() == "postgresql") return to.exec_script("ANALYZE");
  return {};
}

// The stored files (attachments) travel with the database: FILE.files beside a backup.
Status backup(const std::string& db, const std::string& file) {
  auto done = is_postgres(db)
                  ? run({"pg_dump", "--format=custom", "--no-owner", "--file=" + file, db})
                  : sqlite_copy(sqlite_path(db), file);
  if (!done) return done;
  return copy_files(files_dir(db), file + ".files");
}

Status restore(const std::string& file, const std::string& db) {
  auto done = is_postgres(db) ? run({"pg_restore", "--clean", "--if-exists", "--no-owner",
                                     "--single-transaction", "--dbname=" + db, file})
                              : sqlite_copy(file, sqlite_path(db));
  if (!done) return done;
  // A restored database has no planner statistics until autovacuum gathers them (see above).
  if (is_postgres(db)) {
    auto to = open(db);
    if (!to) return std::unexpected(to.error());
    if (auto a = (*to)->exec_script("ANALYZE"); !a) return a;
  }
  return copy_files(file + ".files", files_dir(db));
}

}  // namespace kc::store

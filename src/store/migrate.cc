#include "store/migrate.h"

#include <algorithm>
#include <string>

#include "io/csv.h"
#include "store/embedded.h"

namespace kc::store {
namespace {

// A migration is an ordered list of SQL files. A name with "{dialect}" stands for the file
// written for the database at hand ("002_register.sqlite.sql", "002_register.postgresql.sql"):
// what the two databases cannot share (identity keys, triggers) is written out for each,
// everything else is one portable file (BIGINT and TEXT mean the same to both).
struct Migration {
  int number;
  std::vector<std::string> files;
  bool loads_reference;
  // Reloads the dated rules from data/rules.csv (rows added since the database was made).
  bool reloads_rules = false;
  // Reference files this migration's new tables are filled from (data/, embedded).
  std::vector<const char*> loads = {};
};
const std::vector<Migration>& migrations() {
  static const std::vector<Migration> kMigrations{
      {1, {"001_reference.sql", "001_rules.{dialect}.sql"}, true},
      {2, {"002_register.{dialect}.sql", "002_project_children.sql"}, false},
      {3, {"003_accounts.{dialect}.sql", "003_sessions.sql", "003_audit.{dialect}.sql"}, false},
      {4, {"004_data_version.sql"}, false},
      {5, {"005_appraisal.{dialect}.sql", "005_appraisal_children.sql"}, false},
      {6, {"006_planning.sql"}, false},
      {7, {"007_plans.{dialect}.sql"}, false},
      {8, {"008_decisions.{dialect}.sql", "008_decision_items.sql"}, false},
      {9, {"009_splits.{dialect}.sql", "009_tranches.sql"}, false},
      {10, {"010_attachments.{dialect}.sql"}, false},
      {11, {"011_execution.{dialect}.sql", "011_execution_children.sql"}, false, true},
      {12, {"012_changes.{dialect}.sql"}, false},
      {13, {"013_notifications.{dialect}.sql"}, false, true},
      {14, {"014_officers.sql"}, false},
      {15, {"015_round_conclusions.sql"}, false},
      {16, {"016_dossiers.sql"}, false, true},
      {17,
       {"017_report_reference.sql"},
       false,
       false,
       {"program-periods.csv", "period-targets.csv", "report-groups.csv",
        "content-report-groups.csv"}},
      {18, {"018_fairs.{dialect}.sql"}, false, true},
      {19, {"019_typical_products.{dialect}.sql"}, false, true},
      {20, {"020_clusters.{dialect}.sql"}, false, true},
      {21, {"021_bulletin.{dialect}.sql"}, false, true},
      {22, {"022_petitions.{dialect}.sql"}, false, true},
      {23, {"023_cluster_reports.{dialect}.sql"}, false, true},
      {24, {"024_chains.{dialect}.sql"}, false, true},
      {25, {"025_selection.{dialect}.sql"}, false, true},
      {26, {"026_search.{dialect}.sql"}, false},
      {27, {"027_search_words.{dialect}.sql"}, false},
      {28, {"028_data_version_facility_writes.sql"}, false},
      {29, {"029_facility_stamps.{dialect}.sql"}, false},
      {30, {"030_project_children_clustered.sqlite.sql"}, false},
  };
  return kMigrations;
}

// The embedded file for this dialect.
std::string file_for(std::string name, std::string_view dialect) {
  if (auto at = name.find("{dialect}"); at != std::string::npos)
    name.replace(at, 9, std::string(dialect));
  return name;
}

// A file named for one dialect ("030_….sqlite.sql") changes only that database; the other
// records the migration as done with nothing to do.
bool applies_to(const std::string& name, std::string_view dialect) {
  for (std::string_view d : {"sqlite", "postgresql"})
    if (name.ends_with("." + std::string(d) + ".sql")) return d == dialect;
  return true;
}

// Loads one embedded CSV into `table`: columns are the CSV header; empty cells become NULL.
Status load_csv(Connection& db, const char* file, const std::string& table) {
  auto text = embedded::find(file);
  if (!text) return std::unexpected(Error::internal(std::string("missing embedded ") + file));
  auto csv = io::parse_csv(*text);
  if (!csv) return std::unexpected(Error::internal(std::string(file) + ": " + csv.error().message));
  std::string sql = "INSERT INTO " + table + " (";
  std::string marks;
  for (size_t i = 0; i < csv->header.size(); ++i) {
    sql += (i ? ", " : "") + csv->header[i];
    marks += i ? ", ?" : "?";
  }
  sql += ") VALUES (" + marks + ")";
  for (const auto& row : csv->rows) {
    std::vector<Value> params;
    for (const auto& cell : row) params.push_back(text_or_null(cell));
    if (auto r = db.exec(sql, params); !r)
      return std::unexpected(Error::internal(std::string(file) + ": " + r.error().message));
  }
  return {};
}

Status load_reference(Connection& db) {
  struct Load {
    const char* file;
    const char* table;
  };
  for (auto [file, table] :
       {Load{"regions.csv", "regions"}, Load{"areas.csv", "areas"},
        Load{"region-areas.csv", "region_areas"}, Load{"contents.csv", "contents"},
        Load{"indicators.csv", "indicators"}, Load{"rules.csv", "rules"}}) {
    if (auto s = load_csv(db, file, table); !s) return s;
  }
  // Provinces: both sets share one table, keyed by set.
  for (auto [file, set] :
       {std::pair{"provinces-2008.csv", "2008"}, std::pair{"provinces-2025.csv", "2025"}}) {
    auto csv = io::parse_csv(*embedded::find(file));
    if (!csv) return std::unexpected(csv.error());
    for (const auto& r : csv->rows) {
      std::vector<Value> p{std::string(set), r[0], r[1], r[2], r[3]};
      if (auto e =
              db.exec("INSERT INTO provinces (set_year, code, name_vi, name_ascii, region_code)"
                      " VALUES (?, ?, ?, ?, ?)",
                      p);
          !e)
        return std::unexpected(e.error());
    }
  }
  auto merger = io::parse_csv(*embedded::find("province-merger-2025.csv"));
  if (!merger) return std::unexpected(merger.error());
  for (const auto& r : merger->rows) {
    std::vector<Value> p{r[0], r[1], std::string("2025-07-01")};
    if (auto e = db.exec(
            "INSERT INTO province_merger (old_code, new_code, effective_from) VALUES (?, ?, ?)", p);
        !e)
      return std::unexpected(e.error());
  }
  return {};
}

}  // namespace

int latest_schema_version() {
  return migrations().back().number;
}

Result<int> schema_version(Connection& db) {
  if (auto s = db.exec_script("CREATE TABLE IF NOT EXISTS schema_migrations "
                              "(number INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)");
      !s)
    return std::unexpected(s.error());
  auto v = db.scalar("SELECT COALESCE(MAX(number), 0) FROM schema_migrations", {});
  if (!v) return std::unexpected(v.error());
  return static_cast<int>(*v);
}

Status migrate(Connection& db) {
  auto current = schema_version(db);
  if (!current) return std::unexpected(current.error());
  for (const auto& m : migrations()) {
    if (m.number <= *current) continue;
    auto tx = Transaction::write(db, Transaction::Bump::no);  // no version table yet
    if (!tx) return std::unexpected(tx.error());
    // Re-check under the write lock: another process may have migrated meanwhile.
    auto again = db.scalar("SELECT COUNT(*) FROM schema_migrations WHERE number = ?",
                           std::vector<Value>{std::int64_t{m.number}});
    if (!again) return std::unexpected(again.error());
    if (*again > 0) continue;
    for (const auto& f : m.files) {
      std::string name = file_for(f, db.dialect());
      if (!applies_to(name, db.dialect())) continue;
      auto sql = embedded::find(name);
      if (!sql) return std::unexpected(Error::internal("missing migration " + name));
      if (auto s = db.exec_script(*sql); !s) return s;
    }
    if (m.loads_reference) {
      if (auto s = load_reference(db); !s) return s;
    }
    for (const char* file : m.loads) {
      std::string table = file;
      table = table.substr(0, table.find('.'));
      std::replace(table.begin(), table.end(), '-', '_');
      if (auto s = load_csv(db, file, table); !s) return s;
    }
    if (m.reloads_rules) {
      if (auto s = db.exec_script("DELETE FROM rules"); !s) return s;
      if (auto s = load_csv(db, "rules.csv", "rules"); !s) return s;
    }
    std::vector<Value> p{std::int64_t{m.number}, now_utc()};
    if (auto s = db.exec("INSERT INTO schema_migrations (number, applied_at) VALUES (?, ?)", p); !s)
      return std::unexpected(s.error());
    if (auto s = tx->commit(); !s) return s;
  }
  return {};
}

}  // namespace kc::store

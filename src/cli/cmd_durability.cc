// `migrate` (copy a whole database, e.g. SQLite -> PostgreSQL), `backup`, `restore` and
// `checksum`.
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/progress.h"
#include "store/copy.h"
#include "store/files.h"

namespace kc::cli {

void add_durability(CLI::App& app, int& exit_code) {
  struct Args {
    std::string from, to, db = kDefaultDb, file;
  };
  auto a = std::make_shared<Args>();

  auto* migrate =
      app.add_subcommand("migrate",
                         "Copy everything, audit chain included, into an empty database; "
                         "then compare row counts and checksums of every table");
  migrate->add_option("--from", a->from, "Source: sqlite:PATH, PATH or postgresql://...")
      ->required();
  migrate->add_option("--to", a->to, "Target: postgresql://... or sqlite:PATH (schema is created)")
      ->required();
  migrate->callback([a, &exit_code] {
    auto from = open_db(a->from);
    auto to = from ? open_db(a->to) : std::move(from);
    if (!from || !to) {
      exit_code = report(!from ? from.error() : to.error());
      return;
    }
    ProgressBar bar("tables");
    auto s =
        store::copy_database(**from, **to, [&](std::size_t d, std::size_t t) { bar.update(d, t); });
    bar.finish();
    if (s) s = store::copy_files(store::files_dir(a->from), store::files_dir(a->to));
    if (!s) {
      exit_code = report(s.error());
      return;
    }
    std::cout << "Copied " << store::all_tables().size()
              << " tables; row counts and checksums match.\n";
  });

  auto* backup =
      app.add_subcommand("backup", "Back up a database (SQLite online backup; PostgreSQL pg_dump)");
  backup->add_option("--db", a->db, "Database")->capture_default_str();
  backup->add_option("--to", a->file, "Backup file")->required();
  backup->callback([a, &exit_code] {
    if (auto s = store::backup(a->db, a->file); !s)
      exit_code = report(s.error());
    else
      std::cout << "Backed up " << a->db << " to " << a->file << ".\n";
  });

  auto* restore =
      app.add_subcommand("restore", "Restore a backup into a database (replaces its content)");
  restore->add_option("--from", a->file, "Backup file")->required();
  restore->add_option("--db", a->db, "Database")->capture_default_str();
  restore->callback([a, &exit_code] {
    if (auto s = store::restore(a->file, a->db); !s)
      exit_code = report(s.error());
    else
      std::cout << "Restored " << a->file << " into " << a->db << ".\n";
  });

  auto* sums =
      app.add_subcommand("checksum", "Print row counts and checksums of every table (JSON)");
  sums->add_option("--db", a->db, "Database")->capture_default_str();
  sums->callback([a, &exit_code] {
    auto db = open_db(a->db);
    if (!db) {
      exit_code = report(db.error());
      return;
    }
    auto c = store::checksums(**db);
    if (!c) {
      exit_code = report(c.error());
      return;
    }
    nlohmann::json out = nlohmann::json::object();
    for (const auto& [t, s] : *c) out[t] = {{"rows", s.rows}, {"sha256", s.sha256}};
    std::cout << out.dump(1) << "\n";
  });
}

}  // namespace kc::cli

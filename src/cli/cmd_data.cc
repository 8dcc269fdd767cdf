// `init` and `demo`: create a database, and fill it with the demo data set.
#include <iostream>

#include "app/accounts.h"
#include "app/demo.h"
#include "app/demo_appraisal.h"
#include "app/demo_bulletin.h"
#include "app/demo_selection.h"
#include "cli/commands.h"
#include "cli/progress.h"
#include "domain/money.h"
#include "store/files.h"
#include "store/migrate.h"

namespace kc::cli {

void add_init(CLI::App& app, int& exit_code) {
  auto db = std::make_shared<std::string>(kDefaultDb);
  auto* cmd = app.add_subcommand("init", "Create the database (or bring its schema up to date)");
  cmd->add_option("--db", *db, "Database: a SQLite file path or sqlite:PATH")
      ->capture_default_str();
  cmd->callback([db, &exit_code] {
    auto c = open_db(*db);
    if (!c) {
      exit_code = report(c.error());
      return;
    }
    auto v = store::schema_version(**c);
    std::cout << "Database " << *db << " is ready (schema version " << v.value_or(0) << ").\n";
    auto admin = app::ensure_first_admin(**c);
    if (!admin) {
      exit_code = report(admin.error());
      return;
    }
    if (*admin)
      std::cout << "Created the administrator account: login admin, one-time password " << **admin
                << "\nChange it with: khuyencong user passwd admin\n";
  });
}

void add_demo(CLI::App& app, int& exit_code) {
  auto db = std::make_shared<std::string>(kDefaultDb);
  auto* cmd = app.add_subcommand(
      "demo", "Fill an empty database with the 2018 national plan and a 2019 round");
  cmd->add_option("--db", *db, "Database: a SQLite file path or sqlite:PATH")
      ->capture_default_str();
  cmd->callback([db, &exit_code] {
    auto c = open_db(*db);
    if (!c) {
      exit_code = report(c.error());
      return;
    }
    ProgressBar bar("đề án / projects");
    auto r = app::build_demo(**c, {},
                             [&](std::size_t done, std::size_t total) { bar.update(done, total); });
    bar.finish();
    if (!r) {
      exit_code = report(r.error());
      return;
    }
    if (auto u = app::create_demo_accounts(**c, app::Actor::system("demo")); !u) {
      exit_code = report(u.error());
      return;
    }
    auto appraisal = app::run_demo_appraisal(**c, r->program_2019);
    if (!appraisal) {
      exit_code = report(appraisal.error());
      return;
    }
    if (auto b = app::demo_bulletin(**c, store::files_dir(*db)); !b) {
      exit_code = report(b.error());
      return;
    }
    if (auto s = app::demo_selection(**c); !s) {
      exit_code = report(s.error());
      return;
    }
    std::cout << "Demo data: " << r->programs << " programs, " << r->organizations
              << " organizations, " << r->facilities << " facilities, " << r->projects
              << " projects in " << *db << ".\n"
              << "The 2019 round: " << appraisal->submitted << " submitted, " << appraisal->returned
              << " returned and submitted again, " << appraisal->not_forwarded
              << " not forwarded by their province, " << appraisal->passed << " passed and "
              << appraisal->failed << " failed at the ministry.\n"
              << "Demo accounts, all with the password \"demo\": admin, ministry, department, "
                 "appraiser1 … appraiser5, province-01, province-79, unit-1.\n";
  });
}

}  // namespace kc::cli

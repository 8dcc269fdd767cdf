// `appraisal rounds|selection|ranking|step`: the registration rounds, a typical-product
// selection round ranked, a council's ranking as CSV, and a workflow step taken by the operator
// (audited as `cli`, with the department's rights).
#include <cstdio>
#include <fstream>
#include <iostream>

#include "app/appraisal.h"
#include "app/exports.h"
#include "app/projects.h"
#include "app/scoring.h"
#include "app/selection.h"
#include "app/workflow.h"
#include "cli/commands.h"

namespace kc::cli {
namespace {

const app::Actor kCli = app::Actor::system("cli");

}  // namespace

void add_appraisal(CLI::App& app, int& exit_code) {
  auto* cmd =
      app.add_subcommand("appraisal", "Registration rounds, councils' rankings, workflow steps");
  cmd->require_subcommand(1);
  struct Args {
    std::string db = kDefaultDb, action, reason, format = "csv", output;
    int year = 0;
    std::int64_t council = 0, project = 0;
  };
  auto a = std::make_shared<Args>();

  auto* rounds =
      cmd->add_subcommand("rounds", "List the registration rounds with their councils (JSON)");
  rounds->add_option("--year", a->year, "Only this plan year");
  rounds->add_option("--db", a->db, "Database")->capture_default_str();
  rounds->callback([a, &exit_code] {
    with_db(a->db, exit_code, [&](store::Connection& db) -> Status {
      auto list = app::list_rounds(db, kCli, 0, a->year);
      if (!list) return std::unexpected(list.error());
      nlohmann::json out = nlohmann::json::array();
      for (const auto& r : *list) {
        auto j = app::to_json(r);
        auto councils = app::list_councils(db, kCli, r.id);
        if (!councils) return std::unexpected(councils.error());
        j["councils"] = nlohmann::json::array();
        for (const auto& c : *councils) j["councils"].push_back(app::to_json(c));
        out.push_back(std::move(j));
      }
      std::cout << out.dump(2) << "\n";
      return {};
    });
  });

  auto* selection = cmd->add_subcommand(
      "selection", "A typical-product selection round with its nominations ranked (JSON)");
  selection->add_option("--round", a->council, "The selection round's id")->required();
  selection->add_option("--db", a->db, "Database")->capture_default_str();
  selection->callback([a, &exit_code] {
    with_db(a->db, exit_code, [&](store::Connection& db) -> Status {
      auto r = app::selection_round_json(db, kCli, a->council);
      if (!r) return std::unexpected(r.error());
      std::cout << r->dump(2) << "\n";
      return {};
    });
  });

  auto* ranking =
      cmd->add_subcommand("ranking", "A council's ranking as CSV (standard output) or XLSX (-o)");
  ranking->add_option("--council", a->council, "Council id")->required();
  ranking->add_option("--format", a->format, "csv | xlsx")
      ->check(CLI::IsMember({"csv", "xlsx"}))
      ->capture_default_str();
  ranking->add_option("-o,--output", a->output, "Write to this file (XLSX needs it)");
  ranking->add_option("--db", a->db, "Database")->capture_default_str();
  ranking->callback([a, &exit_code] {
    with_db(a->db, exit_code, [&](store::Connection& db) -> Status {
      if (a->format == "xlsx" && a->output.empty())
        return std::unexpected(Error::invalid("XLSX needs -o FILE"));
      std::string path = a->output.empty() ? app::temporary_export_path("csv") : a->output;
      auto done = app::export_ranking(db, kCli, a->council, a->format, path);
      if (!done) return std::unexpected(done.error());
      if (a->output.empty()) {
        std::ifstream in(path, std::ios::binary);
        std::cout << in.rdbuf();
        std::remove(path.c_str());
      } else {
        std::cerr << "Wrote " << done->rows << " proposals to " << path << ".\n";
      }
      return {};
    });
  });

  auto* step =
      cmd->add_subcommand("step", "Take a workflow step on a proposal (submit, forward, ...)");
  step->add_option("--project", a->project, "Project id")->required();
  step->add_option("--action", a->action,
                   "submit | return | start_province_appraisal | forward | "
                   "not_forward | start_ministry_appraisal | pass | fail | "
                   "withdraw")
      ->required();
  step->add_option("--reason", a->reason, "Why (required to return, not forward and fail)");
  step->add_option("--db", a->db, "Database")->capture_default_str();
  step->callback([a, &exit_code] {
    with_db(a->db, exit_code, [&](store::Connection& db) -> Status {
      auto p = app::get_project(db, kCli, a->project);
      if (!p) return std::unexpected(p.error());
      auto moved = app::transition_project(
          db, kCli, {a->project, p->version, a->action, a->reason, app::vietnam_today()});
      if (!moved) return std::unexpected(moved.error());
      std::cout << moved->code << ": " << p->status << " -> " << moved->status << "\n";
      return {};
    });
  });
}

}  // namespace kc::cli

// `dossier show|set`: a proposal's written dossier as JSON, read or written whole from a JSON
// file shaped like the API's body (`version` may be left out: the project's current one is
// used). Written as the operator (audited as `cli`, with the department's rights).
#include <fstream>
#include <iostream>
#include <sstream>

#include "app/dossiers.h"
#include "app/json_reader.h"
#include "cli/commands.h"
#include "store/project_repo.h"

namespace kc::cli {
namespace {

const app::Actor kCli = app::Actor::system("cli");

Result<std::int64_t> project_id(store::Connection& db, const std::string& code) {
  auto id = store::find_project_code(db, code);
  if (!id) return std::unexpected(id.error());
  if (!*id) return std::unexpected(Error::not_found("no project with code " + code));
  return **id;
}

}  // namespace

void add_dossier(CLI::App& app, int& exit_code) {
  auto* cmd =
      app.add_subcommand("dossier", "A proposal's written dossier: texts, milestones, costs");
  cmd->require_subcommand(1);
  struct Args {
    std::string db = kDefaultDb, project, file, reason;
  };
  auto a = std::make_shared<Args>();

  auto* show = cmd->add_subcommand("show", "The dossier as JSON on standard output");
  show->add_option("--project", a->project, "The project's code")->required();
  show->add_option("--db", a->db, "Database")->capture_default_str();
  show->callback([a, &exit_code] {
    with_db(a->db, exit_code, [&](store::Connection& db) -> Status {
      auto id = project_id(db, a->project);
      if (!id) return std::unexpected(id.error());
      auto d = app::get_dossier(db, kCli, *id);
      if (!d) return std::unexpected(d.error());
      std::cout << d->dump(2) << "\n";
      return {};
    });
  });

  auto* set = cmd->add_subcommand(
      "set", "Write the dossier whole from a JSON file; itemized costs set the project's amounts");
  set->add_option("--project", a->project, "The project's code")->required();
  set->add_option("--file", a->file, "JSON: objectives, need, ..., milestones, cost_items")
      ->required()
      ->check(CLI::ExistingFile);
  set->add_option("--reason", a->reason, "Why (kept in the history)");
  set->add_option("--db", a->db, "Database")->capture_default_str();
  set->callback([a, &exit_code] {
    with_db(a->db, exit_code, [&](store::Connection& db) -> Status {
      auto id = project_id(db, a->project);
      if (!id) return std::unexpected(id.error());
      std::ifstream in(a->file, std::ios::binary);
      std::stringstream text;
      text << in.rdbuf();
      auto body = app::parse_body(text.str());
      if (!body) return std::unexpected(body.error());
      if (!body->contains("version")) {
        auto p = store::get_project(db, *id);
        if (!p) return std::unexpected(p.error());
        (*body)["version"] = p->version;
      }
      std::int64_t version = 0;
      std::string reason;
      auto d = app::dossier_from_json(*body, version, reason);
      if (!d) return std::unexpected(d.error());
      d->project_id = *id;
      auto saved = app::put_dossier(db, kCli, std::move(*d), version,
                                    a->reason.empty() ? reason : a->reason);
      if (!saved) return std::unexpected(saved.error());
      std::cout << saved->dump(2) << "\n";
      return {};
    });
  });
}

}  // namespace kc::cli

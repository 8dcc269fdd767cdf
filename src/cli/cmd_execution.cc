// `khuyencong execution`: contracts drafted (and signed) for a decision, the year's completion
// and the attention list, as JSON on standard output.
#include <iostream>

#include "app/completion.h"
#include "app/contracts.h"
#include "app/workflow.h"
#include "cli/commands.h"

namespace kc::cli {
namespace {

const app::Actor kCli = app::Actor::system("cli");

struct ExecutionArgs {
  std::string db = kDefaultDb;
  std::int64_t decision = 0, officer = 0;
  std::string sign_on, program, as_of;
  int year = 0;
};

ListQuery query_of(const ExecutionArgs& a) {
  ListQuery q;
  q.program_code = a.program;
  if (a.year > 0) q.year = a.year;
  return q;
}

}  // namespace

void add_execution(CLI::App& app, int& exit_code) {
  auto a = std::make_shared<ExecutionArgs>();
  auto* cmd =
      app.add_subcommand("execution", "Contracts, the year's completion and what needs attention");
  cmd->require_subcommand(1);

  auto* contracts = cmd->add_subcommand(
      "contracts", "Draft the implementation contract of every project a decision funds");
  contracts->add_option("--decision", a->decision, "Decision id (see plan decisions)")->required();
  contracts->add_option("--sign", a->sign_on, "Also sign every drafted contract on this date");
  contracts->add_option("--db", a->db, "Database")->capture_default_str();
  contracts->callback([a, &exit_code] {
    with_db(a->db, exit_code, [&](store::Connection& db) -> Status {
      auto drafted = app::draft_decision_contracts(db, kCli, a->decision);
      if (!drafted) return std::unexpected(drafted.error());
      int signed_count = 0;
      if (!a->sign_on.empty())
        for (const auto& c : (*drafted)["items"]) {
          nlohmann::json body = {{"version", c["version"]}, {"signed_on", a->sign_on}};
          auto s = app::sign_contract(db, kCli, c["id"].get<std::int64_t>(), body);
          if (!s) return std::unexpected(s.error());
          ++signed_count;
        }
      std::cerr << "Drafted " << (*drafted)["created"].get<int>() << " contracts"
                << (a->sign_on.empty() ? "" : ", signed " + std::to_string(signed_count)) << ".\n";
      std::cout << (*drafted)["items"].dump(2) << "\n";
      return {};
    });
  });

  auto* completion = cmd->add_subcommand(
      "completion", "The plan's completion from the records: counts, funds, rates, outputs");
  completion->add_option("--program", a->program, "Program code (KCQG-2018)");
  completion->add_option("--year", a->year, "Plan year");
  completion->add_option("--db", a->db, "Database")->capture_default_str();
  completion->callback([a, &exit_code] {
    with_db(a->db, exit_code, [&](store::Connection& db) -> Status {
      auto c = app::completion_json(db, kCli, query_of(*a));
      if (!c) return std::unexpected(c.error());
      std::cout << c->dump(2) << "\n";
      return {};
    });
  });

  auto* attention = cmd->add_subcommand(
      "attention",
      "Running contracts with a flag: no report, behind schedule, money not drawn, "
      "deadline passed");
  attention->add_option("--program", a->program, "Program code");
  attention->add_option("--year", a->year, "Plan year");
  attention->add_option("--as-of", a->as_of, "The day to look from (default: today)");
  attention->add_option("--officer", a->officer, "Only the contracts this account follows (id)");
  attention->add_option("--db", a->db, "Database")->capture_default_str();
  attention->callback([a, &exit_code] {
    with_db(a->db, exit_code, [&](store::Connection& db) -> Status {
      auto day = day_of(a->as_of);
      if (!day) return std::unexpected(day.error());
      auto r = app::attention_json(db, kCli, query_of(*a), *day, a->officer);
      if (!r) return std::unexpected(r.error());
      std::cout << r->dump(2) << "\n";
      return {};
    });
  });
}

}  // namespace kc::cli

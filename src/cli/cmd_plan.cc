// `plan solve|export-model`: the plan builder from the terminal. `solve` reads a scenario file
// (README: "The scenario file") and prints the result as JSON or as a table; every answered
// status exits 0, infeasible included; an invalid scenario exits 2 naming its fields.
#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

#include "app/decision_appendix.h"
#include "app/decision_document.h"
#include "app/group_split.h"
#include "app/json_reader.h"
#include "app/plan_decisions.h"
#include "app/plan_rollup.h"
#include "app/planning.h"
#include "cli/commands.h"
#include "domain/money.h"
#include "io/problems.h"
#include "io/table.h"
#include "store/project_repo.h"

namespace kc::cli {
namespace {

const app::Actor kCli = app::Actor::system("cli");

// CBC's preprocessing prints a few diagnostic lines on standard output on some large models;
// the JSON answer must be all that standard output carries, so it is silenced while solving.
class QuietStdout {
 public:
  QuietStdout() : saved_(::dup(1)) {
    std::fflush(stdout);
    int null = ::open("/dev/null", O_WRONLY);
    if (null >= 0) ::dup2(null, 1), ::close(null);
  }
  ~QuietStdout() {
    std::fflush(stdout);
    if (saved_ >= 0) ::dup2(saved_, 1), ::close(saved_);
  }
  QuietStdout(const QuietStdout&) = delete;
  QuietStdout& operator=(const QuietStdout&) = delete;

 private:
  int saved_;
};

Result<nlohmann::json> read_scenario(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::unexpected(Error::bad_request("cannot read the scenario file " + path));
  std::stringstream text;
  text << in.rdbuf();
  return app::parse_body(text.str());
}

std::string vnd(const nlohmann::json& amount) {
  return format_vnd(amount.get<Vnd>());
}

void print_table(const nlohmann::json& r) {
  std::cout << fmt::format("{} — {}: {}\n", r["scenario"].get<std::string>(),
                           r["program"].get<std::string>(), r["status"].get<std::string>());
  std::cout << fmt::format(
      "value {:.2f}, gap {:.4f} %, envelope {}, commitments {}, "
      "allocated {}, unused {}, {} ms\n",
      r["value"].get<double>(), r["gap"].get<double>() * 100, vnd(r["envelope_vnd"]),
      vnd(r["commitments_vnd"]), vnd(r["allocated_vnd"]), vnd(r["unused_vnd"]),
      r["solve_ms"].get<double>());
  for (const auto& c : r["conflicts"]) std::cout << "conflict: " << c.get<std::string>() << "\n";
  std::cout << fmt::format("\n{:<22} {:>8} {:>18} {:>10}\n", "funded", "score", "amount", "value");
  for (const auto& f : r["funded"])
    std::cout << fmt::format("{:<22} {:>8.2f} {:>18} {:>10.2f}\n", f["code"].get<std::string>(),
                             f["score"].get<double>(), vnd(f["amount_vnd"]),
                             f["value"].get<double>());
  std::cout << fmt::format("\n{:<22} {:>8} {:<12} {:<24} {:>12}\n", "not funded", "score", "reason",
                           "limit", "loss if in");
  for (const auto& u : r["unfunded"])
    std::cout << fmt::format("{:<22} {:>8.2f} {:<12} {:<24} {:>12}\n", u["code"].get<std::string>(),
                             u["score"].get<double>(), u["reason"].get<std::string>(),
                             u["limit"].is_null() ? "" : u["limit"].get<std::string>(),
                             u["loss_if_forced"].is_null()
                                 ? "—"
                                 : fmt::format("{:.2f}", u["loss_if_forced"].get<double>()));
  std::cout << "\nbaselines\n";
  for (const auto& b : r["baselines"]) {
    std::string broken;
    for (const auto& v : b["violations"])
      broken += (broken.empty() ? "" : ", ") + v.get<std::string>();
    std::cout << fmt::format("{:<16} value {:>10.2f}, allocated {}, unused {}{}\n",
                             b["name"].get<std::string>(), b["value"].get<double>(),
                             vnd(b["allocated_vnd"]), vnd(b["unused_vnd"]),
                             broken.empty() ? "" : "; breaks " + broken);
  }
}

// The rows of an items file (`key`, amount_vnd) as the items of a request: an adjustment's
// project codes, or a split's facility ids (`numeric_key`).
Result<nlohmann::json> file_items(const io::Table& t, const char* key, bool numeric_key) {
  io::ProblemList problems;
  auto k = t.column(key), amount = t.column("amount_vnd");
  if (!k) problems.add(1, key, "the column is missing");
  if (!amount) problems.add(1, "amount_vnd", "the column is missing");
  if (!problems.empty()) return std::unexpected(problems.error("invalid items file"));
  nlohmann::json items = nlohmann::json::array();
  for (std::size_t i = 0; i < t.rows.size(); ++i) {
    auto v = parse_vnd(t.rows[i][*amount]);
    if (!v) problems.add(t.row_number(i), "amount_vnd", "must be a whole number of đồng");
    nlohmann::json item = {{key, t.rows[i][*k]}, {"amount_vnd", v.value_or(0)}};
    if (numeric_key) {
      auto id = parse_vnd(t.rows[i][*k]);  // a whole number, as amounts are
      if (!id) problems.add(t.row_number(i), key, "must be a record id");
      item[key] = id.value_or(0);
    }
    items.push_back(std::move(item));
  }
  if (!problems.empty()) return std::unexpected(problems.error("invalid items file"));
  return items;
}

// An error about "items/3/amount_vnd" said as the file's "row 5, column amount_vnd".
Error at_rows(Error e, const io::Table& t) {
  for (auto& f : e.fields) {
    if (!f.field.starts_with("items/")) continue;
    auto slash = f.field.find('/', 6);
    std::size_t i = std::stoul(f.field.substr(6, slash - 6));
    f.field = "row " + std::to_string(t.row_number(i)) +
              (slash == std::string::npos ? "" : ", column " + f.field.substr(slash + 1));
  }
  return e;
}

}  // namespace

void add_plan(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand("plan", "The plan builder: solve a scenario, export its model");
  cmd->require_subcommand(1);
  struct Args {
    std::string db = kDefaultDb, scenario, format = "json", output, number, date, signer, program;
    bool no_explain = false;
    std::int64_t scenario_id = 0, batch = 1;
    std::string items, reason, doc_format = "pdf", project;
    int from = 2000, to = 2100;
  };
  auto a = std::make_shared<Args>();

  auto* solve = cmd->add_subcommand("solve",
                                    "Allocate the envelope: the exact optimum, "
                                    "explanations and baselines");
  solve->add_option("--scenario", a->scenario, "Scenario file (JSON)")->required();
  solve->add_option("--format", a->format, "json | table")
      ->check(CLI::IsMember({"json", "table"}))
      ->capture_default_str();
  solve->add_flag("--no-explain", a->no_explain,
                  "Skip the re-solves that explain each proposal (faster on large rounds)");
  solve->add_option("--db", a->db, "Database")->capture_default_str();
  solve->callback([a, &exit_code] {
    with_db(a->db, exit_code, [&](store::Connection& db) -> Status {
      auto scenario = read_scenario(a->scenario);
      if (!scenario) return std::unexpected(scenario.error());
      auto result = [&] {
        QuietStdout quiet;
        return app::solve_plan(db, kCli, *scenario, {!a->no_explain, 30});
      }();
      if (!result) return std::unexpected(result.error());
      if (a->format == "json")
        std::cout << result->dump(2) << "\n";
      else
        print_table(*result);
      return {};
    });
  });

  auto* model = cmd->add_subcommand(
      "export-model", "Write the scenario's model as an LP file (read by cbc and glpsol --lp)");
  model->add_option("--scenario", a->scenario, "Scenario file (JSON)")->required();
  model->add_option("-o,--output", a->output, "Write to this file (default: standard output)");
  model->add_option("--db", a->db, "Database")->capture_default_str();
  model->callback([a, &exit_code] {
    with_db(a->db, exit_code, [&](store::Connection& db) -> Status {
      auto scenario = read_scenario(a->scenario);
      if (!scenario) return std::unexpected(scenario.error());
      auto lp = app::plan_model(db, kCli, *scenario);
      if (!lp) return std::unexpected(lp.error());
      if (a->output.empty()) {
        std::cout << *lp;
        return {};
      }
      std::ofstream out(a->output, std::ios::binary);
      out << *lp;
      if (!out) return std::unexpected(Error::internal("cannot write " + a->output));
      std::cerr << "Wrote the model to " << a->output << ".\n";
      return {};
    });
  });

  auto* decide = cmd->add_subcommand(
      "decide", "Approve a saved scenario as a plan decision (its proposals become approved)");
  decide->add_option("--scenario-id", a->scenario_id, "Saved scenario id")->required();
  decide->add_option("--number", a->number, "Decision number, e.g. 123/QĐ-BCT")->required();
  decide->add_option("--date", a->date, "Signing date (dd/mm/yyyy or YYYY-MM-DD)")->required();
  decide->add_option("--signer", a->signer, "Who signed")->required();
  decide->add_option("--batch", a->batch, "Batch (đợt) of the year")->capture_default_str();
  decide->add_option("--db", a->db, "Database")->capture_default_str();
  decide->callback([a, &exit_code] {
    with_db(a->db, exit_code, [&](store::Connection& db) -> Status {
      auto in = app::decision_from_json({{"scenario_id", a->scenario_id},
                                         {"number", a->number},
                                         {"signed_on", a->date},
                                         {"signer", a->signer},
                                         {"batch", a->batch}});
      if (!in) return std::unexpected(in.error());
      auto d = app::approve_scenario(db, kCli, *in);
      if (!d) return std::unexpected(d.error());
      std::cout << d->dump(2) << "\n";
      return {};
    });
  });

  auto* adjust = cmd->add_subcommand(
      "adjust",
      "An adjustment decision: projects' new amounts from a file with columns code, amount_vnd "
      "(0 takes a project out of the plan)");
  adjust->add_option("--program", a->program, "Program code, e.g. KCQG-2019")->required();
  adjust->add_option("--items", a->items, "CSV or XLSX file: code, amount_vnd")->required();
  adjust->add_option("--number", a->number, "Decision number, e.g. 123/QĐ-BCT")->required();
  adjust->add_option("--date", a->date, "Signing date (dd/mm/yyyy or YYYY-MM-DD)")->required();
  adjust->add_option("--signer", a->signer, "Who signed")->required();
  adjust->add_option("--reason", a->reason, "Why the plan changes")->required();
  adjust->add_option("--db", a->db, "Database")->capture_default_str();
  adjust->callback([a, &exit_code] {
    with_db(a->db, exit_code, [&](store::Connection& db) -> Status {
      auto table = io::read_table_file(a->items);
      if (!table) return std::unexpected(table.error());
      auto items = file_items(*table, "code", false);
      if (!items) return std::unexpected(items.error());
      nlohmann::json body = {{"program", a->program}, {"number", a->number}, {"signed_on", a->date},
                             {"signer", a->signer},   {"reason", a->reason}, {"items", *items}};
      auto in = app::adjustment_from_json(body);
      if (!in) return std::unexpected(at_rows(in.error(), *table));
      auto d = app::adjust_plan(db, kCli, *in);
      if (!d) return std::unexpected(at_rows(d.error(), *table));
      std::cout << d->dump(2) << "\n";
      return {};
    });
  });

  auto* split = cmd->add_subcommand(
      "split",
      "A letter splitting a group project's amount among its beneficiary facilities, from a file "
      "with columns facility_id, amount_vnd (adding up to the project's amount)");
  split->add_option("--project", a->project, "The group project's code")->required();
  split->add_option("--items", a->items, "CSV or XLSX file: facility_id, amount_vnd")->required();
  split->add_option("--number", a->number, "The letter's number")->required();
  split->add_option("--date", a->date, "Signing date (dd/mm/yyyy or YYYY-MM-DD)")->required();
  split->add_option("--db", a->db, "Database")->capture_default_str();
  split->callback([a, &exit_code] {
    with_db(a->db, exit_code, [&](store::Connection& db) -> Status {
      auto table = io::read_table_file(a->items);
      if (!table) return std::unexpected(table.error());
      auto items = file_items(*table, "facility_id", true);
      if (!items) return std::unexpected(items.error());
      auto id = store::find_project_code(db, a->project);
      if (!id) return std::unexpected(id.error());
      if (!*id) return std::unexpected(Error::not_found("no project with code " + a->project));
      nlohmann::json body = {{"number", a->number}, {"signed_on", a->date}, {"items", *items}};
      auto s = app::split_group_project(db, kCli, **id, body);
      if (!s) return std::unexpected(at_rows(s.error(), *table));
      std::cout << s->dump(2) << "\n";
      return {};
    });
  });

  auto* appendix = cmd->add_subcommand(
      "appendix", "A decision's appendix as XLSX or CSV: by implementing unit, in triệu đồng");
  appendix->add_option("--decision", a->scenario_id, "Decision id (see plan decisions)")
      ->required();
  appendix->add_option("--format", a->format, "xlsx | csv")
      ->check(CLI::IsMember({"xlsx", "csv"}))
      ->default_str("xlsx");
  appendix->add_option("-o,--output", a->output, "The file to write")->required();
  appendix->add_option("--db", a->db, "Database")->capture_default_str();
  appendix->callback([a, &exit_code] {
    if (a->format == "json") a->format = "xlsx";  // the default of the solve command
    with_db(a->db, exit_code, [&](store::Connection& db) -> Status {
      auto done = app::export_decision_appendix(db, kCli, a->scenario_id, a->format, a->output);
      if (!done) return std::unexpected(done.error());
      std::cerr << "Wrote " << done->rows << " projects to " << a->output << ".\n";
      return {};
    });
  });

  auto* document = cmd->add_subcommand(
      "document", "A decision as the signed document with its appendix (NĐ 30/2020): PDF or DOCX");
  document->add_option("--decision", a->scenario_id, "Decision id (see plan decisions)")
      ->required();
  document->add_option("--format", a->doc_format, "pdf | docx")
      ->check(CLI::IsMember({"pdf", "docx"}))
      ->capture_default_str();
  document->add_option("-o,--output", a->output, "The file to write")->required();
  document->add_option("--db", a->db, "Database")->capture_default_str();
  document->callback([a, &exit_code] {
    with_db(a->db, exit_code, [&](store::Connection& db) -> Status {
      auto done = app::export_decision_document(db, kCli, a->scenario_id, a->doc_format, a->output);
      if (!done) return std::unexpected(done.error());
      std::cerr << "Wrote the decision (" << done->rows << " projects) to " << a->output << ".\n";
      return {};
    });
  });

  auto* rollup = cmd->add_subcommand(
      "rollup", "National and local plans' decided money by year, content and region (JSON)");
  rollup->add_option("--from", a->from, "First year")->capture_default_str();
  rollup->add_option("--to", a->to, "Last year")->capture_default_str();
  rollup->add_option("--db", a->db, "Database")->capture_default_str();
  rollup->callback([a, &exit_code] {
    with_db(a->db, exit_code, [&](store::Connection& db) -> Status {
      auto r = app::plan_rollup(db, kCli, a->from, a->to);
      if (!r) return std::unexpected(r.error());
      std::cout << r->dump(2) << "\n";
      return {};
    });
  });

  auto* decisions =
      cmd->add_subcommand("decisions", "A program's decisions and whether its books balance");
  decisions->add_option("--program", a->program, "Program code, e.g. KCQG-2019")->required();
  decisions->add_option("--db", a->db, "Database")->capture_default_str();
  decisions->callback([a, &exit_code] {
    with_db(a->db, exit_code, [&](store::Connection& db) -> Status {
      auto list = app::list_plan_decisions(db, kCli, a->program);
      if (!list) return std::unexpected(list.error());
      std::cout << list->dump(2) << "\n";
      return {};
    });
  });
}

}  // namespace kc::cli

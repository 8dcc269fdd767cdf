// `report annual | period | province | clusters`: the program's reports, as the API gives them.
// JSON goes to standard output without -o; CSV (section,dimension,key,measure,value) likewise; XLSX
// and PDF need -o. Read as the operator (every province).
#include <fstream>
#include <iostream>

#include "app/annual_report.h"
#include "app/cluster_reports.h"
#include "app/period_report.h"
#include "app/province_report.h"
#include "app/report_book.h"
#include "cli/commands.h"
#include "io/csv.h"

namespace kc::cli {
namespace {

const app::Actor kCli = app::Actor::system("cli");

struct Args {
  std::string db = kDefaultDb, format = "json", output;
};

using JsonOf = std::function<Result<nlohmann::json>(store::Connection&)>;
using BookOf = std::function<Result<io::Book>(store::Connection&, const nlohmann::json&)>;
using FileOf = std::function<Result<app::ExportResult>(store::Connection&, const std::string&,
                                                       const std::string&)>;

// The options every report shares (--format, -o, --db) and what it runs: the JSON, its book
// (for CSV on standard output) and its file.
void add_formats(CLI::App* cmd, std::shared_ptr<Args> a, int& exit_code, JsonOf json, BookOf book,
                 FileOf file) {
  cmd->add_option("--format", a->format, "json | csv | xlsx | pdf")
      ->check(CLI::IsMember({"json", "csv", "xlsx", "pdf"}))
      ->capture_default_str();
  cmd->add_option("-o,--output", a->output, "Write to this file (XLSX and PDF need it)");
  cmd->add_option("--db", a->db, "Database")->capture_default_str();
  cmd->callback([a, &exit_code, json, book, file] {
    if ((a->format == "xlsx" || a->format == "pdf") && a->output.empty()) {
      std::cerr << "error: --format " << a->format << " needs -o FILE\n";
      exit_code = 2;
      return;
    }
    with_db(a->db, exit_code, [&](store::Connection& db) -> Status {
      if (a->format != "json" && !a->output.empty()) {
        auto done = file(db, a->format, a->output);
        if (!done) return std::unexpected(done.error());
        std::cerr << "Wrote " << done->rows << " figures to " << a->output << ".\n";
        return {};
      }
      auto r = json(db);
      if (!r) return std::unexpected(r.error());
      std::string text;
      if (a->format == "json") {
        text = r->dump(2) + "\n";
      } else {
        auto b = book(db, *r);
        if (!b) return std::unexpected(b.error());
        for (const auto& row : b->figures) io::append_csv_record(text, row);
      }
      if (a->output.empty()) {
        std::cout << text;
      } else {
        std::ofstream(a->output, std::ios::binary) << text;
      }
      return {};
    });
  });
}

}  // namespace

void add_report(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand("report", "The program's reports");
  cmd->require_subcommand(1);

  auto* annual = cmd->add_subcommand("annual", "The annual report of a program year");
  auto year = std::make_shared<int>(0);
  auto program = std::make_shared<std::string>();
  annual->add_option("--year", *year, "The plan year")->required()->check(CLI::Range(2000, 2100));
  annual->add_option("--program", *program,
                     "Only this program (by code); default: all of the year");
  add_formats(
      annual, std::make_shared<Args>(), exit_code,
      [=](store::Connection& db) { return app::annual_report(db, kCli, *year, *program); },
      app::annual_book,
      [=](store::Connection& db, const std::string& format, const std::string& out) {
        return app::export_annual_report(db, kCli, *year, *program, format, out);
      });

  auto* period = cmd->add_subcommand(
      "period", "A program period year by year: KCQG and KCĐP side by side, targets and actuals");
  auto code = std::make_shared<std::string>();
  period->add_option("--period", *code, "The period's code (data/program-periods.csv)")->required();
  add_formats(
      period, std::make_shared<Args>(), exit_code,
      [=](store::Connection& db) { return app::period_report(db, kCli, *code); }, app::period_book,
      [=](store::Connection& db, const std::string& format, const std::string& out) {
        return app::export_period_report(db, kCli, *code, format, out);
      });

  auto* province = cmd->add_subcommand("province", "A province's profile across the years");
  auto where = std::make_shared<std::string>();
  auto set = std::make_shared<std::string>("2025");
  province->add_option("--province", *where, "The province's code")->required();
  province->add_option("--set", *set, "The province set: 2025 (34) or 2008 (63)")
      ->check(CLI::IsMember({"2025", "2008"}))
      ->capture_default_str();
  add_formats(
      province, std::make_shared<Args>(), exit_code,
      [=](store::Connection& db) { return app::province_report(db, kCli, *set, *where); },
      app::province_book,
      [=](store::Connection& db, const std::string& format, const std::string& out) {
        return app::export_province_report(db, kCli, *set, *where, format, out);
      });

  auto* clusters = cmd->add_subcommand(
      "clusters", "The clusters' reporting period per province: reported, late, missing (JSON)");
  auto wanted = std::make_shared<ListQuery>();
  auto db = std::make_shared<std::string>(kDefaultDb);
  clusters->add_option("--year", wanted->year, "The report's year")->required();
  clusters->add_option("--kind", wanted->kind, "half (before 20 June) | year (before 20 December)")
      ->check(CLI::IsMember({"half", "year"}))
      ->required();
  clusters->add_option("--province", wanted->province, "Only this province (34-set code)");
  clusters->add_option("--db", *db, "Database")->capture_default_str();
  clusters->callback([=, &exit_code] {
    with_db(*db, exit_code, [&](store::Connection& c) -> Status {
      auto r = app::cluster_report_summary(c, kCli, *wanted);
      if (!r) return std::unexpected(r.error());
      std::cout << r->dump(2) << "\n";
      return {};
    });
  });
}

}  // namespace kc::cli

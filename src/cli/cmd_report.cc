// `report annual`: the annual report of a program year, as the API gives it. JSON goes to
// standard output without -o; CSV (section,dimension,key,measure,value) likewise; XLSX needs
// -o, and so does PDF. Read as the operator (every province).
#include <fstream>
#include <iostream>

#include "app/annual_report.h"
#include "cli/commands.h"
#include "io/csv.h"

namespace kc::cli {
namespace {

const app::Actor kCli = app::Actor::system("cli");

}  // namespace

void add_report(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand("report", "The program's reports");
  cmd->require_subcommand(1);
  struct Args {
    std::string db = kDefaultDb, program, format = "json", output;
    int year = 0;
  };
  auto a = std::make_shared<Args>();
  auto* annual = cmd->add_subcommand("annual", "The annual report of a program year");
  annual->add_option("--year", a->year, "The plan year")->required()->check(CLI::Range(2000, 2100));
  annual->add_option("--program", a->program,
                     "Only this program (by code); default: all of the year");
  annual->add_option("--format", a->format, "json | csv | xlsx | pdf")
      ->check(CLI::IsMember({"json", "csv", "xlsx", "pdf"}))
      ->capture_default_str();
  annual->add_option("-o,--output", a->output, "Write to this file (XLSX and PDF need it)");
  annual->add_option("--db", a->db, "Database")->capture_default_str();
  annual->callback([a, &exit_code] {
    if ((a->format == "xlsx" || a->format == "pdf") && a->output.empty()) {
      std::cerr << "error: --format " << a->format << " needs -o FILE\n";
      exit_code = 2;
      return;
    }
    with_db(a->db, exit_code, [&](store::Connection& db) -> Status {
      if (a->format != "json" && !a->output.empty()) {
        auto done = app::export_annual_report(db, kCli, a->year, a->program, a->format, a->output);
        if (!done) return std::unexpected(done.error());
        std::cerr << "Wrote " << done->rows << " figures to " << a->output << ".\n";
        return {};
      }
      auto r = app::annual_report(db, kCli, a->year, a->program);
      if (!r) return std::unexpected(r.error());
      std::string text;
      if (a->format == "json") {
        text = r->dump(2) + "\n";
      } else {
        for (const auto& row : app::report_rows(*r)) io::append_csv_record(text, row);
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

}  // namespace kc::cli

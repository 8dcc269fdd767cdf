// `import` and `export` of the register as CSV or XLSX.
#include <charconv>
#include <cstdio>
#include <fstream>
#include <future>
#include <iostream>

#include "app/codec.h"
#include "app/exports.h"
#include "app/imports.h"
#include "app/open_data.h"
#include "cli/commands.h"
#include "cli/progress.h"
#include "crypto/crypto.h"
#include "io/table.h"

namespace kc::cli {

void add_import(CLI::App& app, int& exit_code) {
  struct Args {
    std::string db = kDefaultDb, kind, file, sheet;
  };
  auto a = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("import",
                                 "Import organizations, facilities, projects or industrial "
                                 "clusters from CSV or XLSX (all rows or none)");
  cmd->add_option("kind", a->kind, "projects | facilities | organizations | clusters")
      ->required()
      ->check(CLI::IsMember({"projects", "facilities", "organizations", "clusters"}));
  cmd->add_option("file", a->file, "A .csv, .xlsx or .xls file; columns in README")->required();
  cmd->add_option("--sheet", a->sheet, "XLSX: the worksheet to read (default: the first)");
  cmd->add_option("--db", a->db, "Database: a SQLite file path or sqlite:PATH")
      ->capture_default_str();
  cmd->callback([a, &exit_code] {
    auto kind = a->kind == "projects"     ? app::ImportKind::projects
                : a->kind == "facilities" ? app::ImportKind::facilities
                : a->kind == "clusters"   ? app::ImportKind::clusters
                                          : app::ImportKind::organizations;
    // The file's hash, for the audit, while the table is read.
    auto sha256 = std::async(std::launch::async, [&] { return crypto::sha256_file_hex(a->file); });
    auto table = io::read_table_file(a->file, a->sheet);
    if (!table) {
      exit_code = report(table.error());
      return;
    }
    // What was converted on the way in (legacy Vietnamese fonts, UTF-16, Windows-1252).
    for (const auto& note : table->notes) std::cerr << "warning: " << note << "\n";
    auto c = open_db(a->db);
    if (!c) {
      exit_code = report(c.error());
      return;
    }
    ProgressBar bar("rows");
    app::ImportSource source{a->file, sha256.get()};
    auto r = app::import_table(**c, app::Actor::system("cli"), kind, *table, source,
                               [&](std::size_t d, std::size_t t) { bar.update(d, t); });
    bar.finish();
    if (!r) {
      exit_code = report(r.error());
      return;
    }
    std::cout << "Imported " << r->imported << " " << a->kind << " from " << a->file << ".\n";
  });
}

namespace {

struct ExportArgs {
  std::string db = kDefaultDb, what, format = "csv", layout = "data", output;
  std::map<std::string, std::string> filters;
};

// `export open-data`: the JSON to -o, or through a temporary file to standard output.
int export_open_data(const ExportArgs& a) {
  for (const auto& [k, v] : a.filters)
    if (!v.empty() && k != "year" && k != "program")
      return report(Error::invalid("invalid option",
                                   {{k, FieldCode::unknown_parameter, {{"applies", "projects"}}}}));
  int year = 0;
  if (const auto& y = a.filters.at("year"); !y.empty()) {
    auto [ptr, ec] = std::from_chars(y.data(), y.data() + y.size(), year);
    if (ec != std::errc{} || ptr != y.data() + y.size() || year < 2000 || year > 2100)
      return report(Error::invalid(
          "invalid option", {{"year", FieldCode::year_range, {{"min", "2000"}, {"max", "2100"}}}}));
  }
  auto c = open_db(a.db);
  if (!c) return report(c.error());
  std::string path = a.output.empty() ? app::temporary_export_path("json") : a.output;
  ProgressBar bar("projects");
  auto done = app::export_open_data(**c, app::Actor::system("cli"), year, a.filters.at("program"),
                                    path, [&](std::size_t d, std::size_t t) { bar.update(d, t); });
  bar.finish();
  if (done && a.output.empty()) {
    std::ifstream in(path, std::ios::binary);
    std::cout << in.rdbuf();
    std::cout.flush();
  }
  if (a.output.empty()) std::remove(path.c_str());
  if (!done) return report(done.error());
  if (!a.output.empty())
    std::cerr << "Wrote " << done->rows << " projects to " << a.output << ".\n";
  return 0;
}

}  // namespace

void add_export(CLI::App& app, int& exit_code) {
  using Args = ExportArgs;
  auto a = std::make_shared<Args>();
  auto* cmd = app.add_subcommand(
      "export", "Export the project register as CSV or XLSX, or the published plans as open data");
  cmd->add_option("what", a->what,
                  "projects | open-data (the published plans and results as JSON: "
                  "docs/open-data.md; only --year and --program apply)")
      ->required()
      ->check(CLI::IsMember({"projects", "open-data"}));
  cmd->add_option("--format", a->format, "csv | xlsx")
      ->check(CLI::IsMember({"csv", "xlsx"}))
      ->capture_default_str();
  cmd->add_option("--layout", a->layout,
                  "data: the import columns (imports again) | report: Vietnamese headers, "
                  "names, a totals row")
      ->check(CLI::IsMember({"data", "report"}))
      ->capture_default_str();
  cmd->add_option("-o,--output", a->output, "Output file (default: standard output for csv)");
  cmd->add_option("--db", a->db, "Database: a SQLite file path or sqlite:PATH")
      ->capture_default_str();
  for (const char* f : {"year", "program", "content", "province", "province-set", "region", "area",
                        "status", "kind", "q"}) {
    std::string key = f;
    std::replace(key.begin(), key.end(), '-', '_');
    cmd->add_option(std::string("--") + f, a->filters[key], std::string("Filter: ") + f);
  }
  cmd->callback([a, &exit_code] {
    if (a->what == "open-data") {
      exit_code = export_open_data(*a);
      return;
    }
    if (a->format == "xlsx" && a->output.empty()) {
      exit_code = report(Error::invalid("xlsx needs --output FILE"));
      return;
    }
    std::map<std::string, std::string> params;
    for (const auto& [k, v] : a->filters)
      if (!v.empty()) params[k] = v;
    auto q = app::list_query_from(params);
    if (!q) {
      exit_code = report(q.error());
      return;
    }
    auto c = open_db(a->db);
    if (!c) {
      exit_code = report(c.error());
      return;
    }
    // Without -o, the CSV streams through a temporary file to standard output.
    std::string path = a->output.empty() ? app::temporary_export_path(a->format) : a->output;
    ProgressBar bar("projects");
    auto done = app::export_projects(
        **c, app::Actor::system("cli"), *q, a->format, path,
        [&](std::size_t d, std::size_t t) { bar.update(d, t); }, a->layout);
    bar.finish();
    if (done && a->output.empty()) {
      std::ifstream in(path, std::ios::binary);
      std::cout << in.rdbuf();
      std::cout.flush();
    }
    if (a->output.empty()) std::remove(path.c_str());
    if (!done) exit_code = report(done.error());
  });
}

}  // namespace kc::cli

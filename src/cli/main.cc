// khuyencong: the command line of Khuyến Công. One file per family of subcommands (cmd_*.cc:
// serve; init and demo; import and export; users, audit and routes; the whole-database
// commands); each calls the same app/ functions the HTTP API calls.
#include <charconv>
#include <filesystem>
#include <iostream>

#include "app/workflow.h"
#include "cli/commands.h"
#include "io/xls_isolated.h"
#include "io/xls_reader.h"
#include "store/migrate.h"

namespace kc::cli {

int report(const Error& e) {
  std::cerr << "error: " << e.message << "\n";
  for (const auto& f : e.fields) std::cerr << f.field << ": " << f.message << "\n";
  return exit_code(e.kind);
}

std::optional<std::int64_t> parse_id(std::string_view text) {
  std::int64_t v = 0;
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc{} || p != text.data() + text.size() || v <= 0) return std::nullopt;
  return v;
}

Result<Date> day_of(const std::string& as_of) {
  if (as_of.empty()) return app::vietnam_today();
  auto d = parse_date(as_of);
  if (!d) return std::unexpected(Error::invalid("invalid date", {{"as-of", FieldCode::not_date}}));
  return *d;
}

Result<std::unique_ptr<store::Connection>> open_db(const std::string& location) {
  std::string path = location.starts_with("sqlite:") ? location.substr(7) : location;
  if (!path.starts_with("postgres")) {
    auto parent = std::filesystem::path(path).parent_path();
    std::error_code ec;
    if (!parent.empty()) std::filesystem::create_directories(parent, ec);
  }
  auto db = store::open(location);
  if (!db) return db;
  if (auto m = store::migrate(**db); !m) return std::unexpected(m.error());
  return db;
}

}  // namespace kc::cli

int main(int argc, char** argv) try {
  // The .xls reader's child process (io/xls_isolated.h): not a user's command.
  if (argc >= 3 && std::string_view(argv[1]) == "xls-dump") {
    auto table = kc::io::read_xls(argv[2], argc >= 4 ? argv[3] : "");
    std::cout << kc::io::encode_xls_result(table) << std::flush;
    return 0;
  }
  kc::io::set_xls_helper("/proc/self/exe");
  CLI::App app{"Khuyến Công — quản lý chương trình khuyến công (industrial promotion programs)",
               "khuyencong"};
  app.set_version_flag("--version", std::string("khuyencong ") + KC_VERSION);
  app.require_subcommand(1);
  int exit_code = 0;
  kc::cli::add_serve(app, exit_code);
  kc::cli::add_init(app, exit_code);
  kc::cli::add_demo(app, exit_code);
  kc::cli::add_import(app, exit_code);
  kc::cli::add_export(app, exit_code);
  kc::cli::add_user(app, exit_code);
  kc::cli::add_audit(app, exit_code);
  kc::cli::add_routes(app, exit_code);
  kc::cli::add_durability(app, exit_code);
  kc::cli::add_appraisal(app, exit_code);
  kc::cli::add_plan(app, exit_code);
  kc::cli::add_execution(app, exit_code);
  kc::cli::add_worker(app, exit_code);
  kc::cli::add_dossier(app, exit_code);
  kc::cli::add_report(app, exit_code);
  CLI11_PARSE(app, argc, argv);
  return exit_code;
} catch (const std::exception& e) {
  // The last line of defence: a bug or an exhausted resource. One line, the documented code.
  return kc::cli::report(kc::Error::internal(std::string("unexpected failure: ") + e.what()));
}

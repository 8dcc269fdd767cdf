#pragma once
// The `khuyencong` subcommands. Each add_* registers one subcommand on the app; its callback
// stores the process exit code in `exit_code`. Errors print as "error: message" followed by
// one line per field ("row N, column C: message" for imports) on stderr.
#include <CLI/CLI.hpp>

#include "app/scheduler.h"
#include "domain/error.h"
#include "store/db.h"

namespace kc::cli {

inline const char* kDefaultDb = "var/khuyencong.db";

void add_serve(CLI::App& app, int& exit_code);
void add_init(CLI::App& app, int& exit_code);
void add_demo(CLI::App& app, int& exit_code);
void add_import(CLI::App& app, int& exit_code);
void add_export(CLI::App& app, int& exit_code);
void add_user(CLI::App& app, int& exit_code);
void add_audit(CLI::App& app, int& exit_code);
void add_routes(CLI::App& app, int& exit_code);
void add_durability(CLI::App& app, int& exit_code);
void add_appraisal(CLI::App& app, int& exit_code);
void add_plan(CLI::App& app, int& exit_code);
void add_execution(CLI::App& app, int& exit_code);
void add_worker(CLI::App& app, int& exit_code);
void add_dossier(CLI::App& app, int& exit_code);
void add_report(CLI::App& app, int& exit_code);

// The e-mail and scheduler flags of `serve` and `worker`.
struct MailFlags {
  std::string smtp_url, mail_from, smtp_user, public_url;
  std::int64_t retry_seconds = 60;
  int interval_seconds = 60;
};
void add_mail_flags(CLI::App* cmd, MailFlags& f);
// What sends the outbox's mail (empty without --smtp-url), or a flag's error.
Result<app::SendMail> mail_sender(const MailFlags& f);
app::SchedulerOptions scheduler_options(const MailFlags& f);

// Prints the error and returns its exit code.
int report(const Error& e);
// A positive integer id, or nullopt.
std::optional<std::int64_t> parse_id(std::string_view text);
// The day of a `--as-of` flag (yyyy-mm-dd or dd/mm/yyyy), or today in Vietnam when it is empty.
Result<Date> day_of(const std::string& as_of);
// Opens and migrates the database; creates the parent folder of a new SQLite file.
Result<std::unique_ptr<store::Connection>> open_db(const std::string& location);

// Runs `work` (returning a Status) on the opened database; its error becomes the exit code.
template <class F>
void with_db(const std::string& db, int& exit_code, F&& work) {
  auto c = open_db(db);
  if (!c) {
    exit_code = report(c.error());
    return;
  }
  if (auto s = work(**c); !s) exit_code = report(s.error());
}

}  // namespace kc::cli

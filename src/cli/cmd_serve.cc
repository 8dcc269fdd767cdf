#include <iostream>
#include <thread>

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include "app/accounts.h"
#include "cli/commands.h"
#include "http/server.h"

namespace kc::cli {

void add_serve(CLI::App& app, int& exit_code) {
  auto opt = std::make_shared<http::ServerOptions>();
  auto db = std::make_shared<std::string>(kDefaultDb);
  auto quiet = std::make_shared<bool>(false);
  auto* cmd = app.add_subcommand("serve", "Serve the API and the web UI");
  cmd->add_option("--db", *db, "Database: a SQLite file path or sqlite:PATH")
      ->capture_default_str();
  cmd->add_option("--bind", opt->bind, "Address to listen on")->capture_default_str();
  cmd->add_option("--port", opt->port, "Port (0 picks a free one and prints it)")
      ->capture_default_str();
  cmd->add_option("--threads", opt->threads,
                  "I/O threads, each with its own event loop and database connection "
                  "(0: one per core on SQLite, four per core on PostgreSQL)")
      ->capture_default_str();
  cmd->add_option("--web", opt->web_root, "Folder of the built web UI (served under /app/)")
      ->capture_default_str();
  cmd->add_option("--lock-wait-ms", opt->lock_wait_ms,
                  "How long a write waits for another writer before answering 503")
      ->capture_default_str();
  cmd->add_option("--report-db", opt->report_db,
                  "A read-only replica (PostgreSQL URL) for the reports, dashboards and open data");
  cmd->add_option("--pool-threads", opt->pool_threads,
                  "Threads for long work (exports, reports), apart from the I/O threads")
      ->capture_default_str();
  auto mail = std::make_shared<MailFlags>();
  auto scheduler = std::make_shared<std::string>("on");
  cmd->add_option(
         "--scheduler", *scheduler,
         "on: this process may run the scheduler (on PostgreSQL the one holding its lock); "
         "off: a `khuyencong worker` runs it")
      ->check(CLI::IsMember({"on", "off"}))
      ->capture_default_str();
  add_mail_flags(cmd, *mail);
  cmd->add_flag("--quiet", *quiet, "Log warnings and errors only (no access log)");
  cmd->add_option("--session-idle", opt->sessions.idle_seconds, "Seconds a session may stay unused")
      ->capture_default_str();
  cmd->add_option("--session-max", opt->sessions.absolute_seconds,
                  "Seconds a session may live at most")
      ->capture_default_str();
  opt->web_root = "web/dist";
  cmd->callback([opt, db, quiet, mail, scheduler, &exit_code] {
    opt->public_url = mail->public_url;  // the bulletin's feeds link there too
    auto logger = spdlog::stderr_logger_mt("khuyencong");
    logger->set_pattern("{\"ts\":\"%Y-%m-%dT%H:%M:%S.%eZ\",\"level\":\"%l\",\"msg\":%v}",
                        spdlog::pattern_time_type::utc);
    spdlog::set_default_logger(logger);
    if (*quiet) spdlog::set_level(spdlog::level::warn);
    auto pre = open_db(*db);  // creates and migrates before serving
    if (!pre) {
      exit_code = report(pre.error());
      return;
    }
    bool loopback = opt->bind == "127.0.0.1" || opt->bind == "::1" || opt->bind == "localhost" ||
                    opt->bind.starts_with("127.");
    auto demo = app::demo_password_in_use(**pre);
    if (!demo) {
      exit_code = report(demo.error());
      return;
    }
    if (!loopback && *demo) {
      exit_code = report(Error::invalid("refusing to listen on " + opt->bind +
                                        ": an account still has the demo password; change it with "
                                        "`khuyencong user passwd LOGIN` or disable it"));
      return;
    }
    pre->reset();
    auto send = mail_sender(*mail);
    if (!send) {
      exit_code = report(send.error());
      return;
    }
    opt->db_location = *db;
    std::jthread background;
    if (*scheduler == "on")
      background =
          std::jthread([location = *db, send = *send, o = scheduler_options(*mail)](
                           std::stop_token st) { app::run_scheduler(location, send, o, st); });
    // Captures the address by value: capturing `opt` would make it own itself (a leak).
    opt->on_listening = [bind = opt->bind](std::uint16_t port) {
      std::cout << "Khuyến Công đang chạy tại / is serving at http://" << bind << ":" << port << "/"
                << std::endl;
    };
    if (auto s = http::serve(*opt); !s) exit_code = report(s.error());
  });
}

}  // namespace kc::cli

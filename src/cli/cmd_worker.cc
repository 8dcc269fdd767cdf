// `khuyencong worker`: the scheduler on its own (reminders and the mail outbox), and the mail
// flags that `serve` shares with it.
#include <csignal>
#include <cstdlib>
#include <iostream>
#include <thread>

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include "cli/commands.h"
#include "domain/notification.h"
#include "mail/smtp.h"

namespace kc::cli {

void add_mail_flags(CLI::App* cmd, MailFlags& f) {
  cmd->add_option("--smtp-url", f.smtp_url,
                  "SMTP server for e-mail, smtp://host:port or smtps://host:port (none: mail "
                  "stays queued)");
  cmd->add_option("--mail-from", f.mail_from, "Sender address of the e-mail");
  cmd->add_option("--smtp-user", f.smtp_user,
                  "SMTP login (the password is read from KC_SMTP_PASSWORD)");
  cmd->add_option("--public-url", f.public_url,
                  "The address users open the system at, for the links in e-mail and, for "
                  "serve, in the bulletin's RSS feed and sitemap (https://khuyencong.example.vn; "
                  "serve's default: http://BIND:PORT)");
  cmd->add_option("--mail-retry-seconds", f.retry_seconds,
                  "Wait before the first retry of a failed e-mail (doubled after each failure)")
      ->capture_default_str();
  cmd->add_option("--scheduler-interval", f.interval_seconds,
                  "Seconds between the scheduler's rounds (reminders, outbox)")
      ->capture_default_str();
}

Result<app::SendMail> mail_sender(const MailFlags& f) {
  if (f.smtp_url.empty()) return app::SendMail{};
  if (!f.smtp_url.starts_with("smtp://") && !f.smtp_url.starts_with("smtps://"))
    return std::unexpected(Error::invalid(
        "invalid SMTP server",
        {{"smtp-url", FieldCode::one_of, {{"allowed", "smtp://host:port, smtps://host:port"}}}}));
  if (!is_email_address(f.mail_from))
    return std::unexpected(
        Error::invalid("invalid sender", {{"mail-from", FieldCode::email_format}}));
  mail::SmtpSettings s{f.smtp_url, f.mail_from, f.smtp_user, "", 30};
  if (const char* p = std::getenv("KC_SMTP_PASSWORD")) s.password = p;
  std::string base = f.public_url;
  while (base.ends_with('/')) base.pop_back();
  return app::SendMail([s, base](const store::OutboxMail& m) {
    std::string body = m.body;
    if (!m.link.empty()) body += "\n\n" + base + m.link;
    return mail::send(s, {s.from, m.to, m.subject, body});
  });
}

app::SchedulerOptions scheduler_options(const MailFlags& f) {
  app::SchedulerOptions o;
  o.interval = std::chrono::seconds(std::max(1, f.interval_seconds));
  o.retry_base_seconds = std::max<std::int64_t>(1, f.retry_seconds);
  return o;
}

void add_worker(CLI::App& app, int& exit_code) {
  struct Args {
    std::string db = kDefaultDb, as_of;
    bool once = false;
    MailFlags mail;
  };
  auto a = std::make_shared<Args>();
  auto* cmd = app.add_subcommand(
      "worker",
      "Run the scheduler: daily reminders and the e-mail outbox (start servers with "
      "--scheduler off when it runs)");
  cmd->add_option("--db", a->db, "Database: a SQLite file path or sqlite:PATH")
      ->capture_default_str();
  cmd->add_flag("--once", a->once, "One round, then exit (cron, tests)");
  cmd->add_option("--as-of", a->as_of, "With --once: the day of the reminders (default: today)");
  add_mail_flags(cmd, a->mail);
  cmd->callback([a, &exit_code] {
    auto send = mail_sender(a->mail);
    if (!send) {
      exit_code = report(send.error());
      return;
    }
    auto o = scheduler_options(a->mail);
    if (!a->once) {
      if (auto c = open_db(a->db); !c) {  // creates and migrates, like serve
        exit_code = report(c.error());
        return;
      }
      sigset_t stop_signals;
      sigemptyset(&stop_signals);
      sigaddset(&stop_signals, SIGINT);
      sigaddset(&stop_signals, SIGTERM);
      pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
      std::jthread loop([&](std::stop_token st) { app::run_scheduler(a->db, *send, o, st); });
      int sig = 0;
      sigwait(&stop_signals, &sig);
      return;  // the jthread stops and joins
    }
    with_db(a->db, exit_code, [&](store::Connection& db) -> Status {
      auto day = day_of(a->as_of);
      if (!day) return std::unexpected(day.error());
      auto given = app::run_reminders(db, *day);
      if (!given) return std::unexpected(given.error());
      std::cout << "reminders " << to_iso(*day) << ": " << *given << " notifications\n";
      if (!*send) return {};
      auto d = app::deliver_mail(db, *send, o, std::chrono::system_clock::now());
      if (!d) return std::unexpected(d.error());
      std::cout << "mail: " << d->sent << " sent, " << d->retried << " to retry, " << d->given_up
                << " given up\n";
      return {};
    });
  });
}

}  // namespace kc::cli

#pragma once
// The scheduler: the daily reminders (a progress report falling due, a contract's deadline
// passed) and the delivery of the mail outbox, with retries. One process runs it: on
// PostgreSQL the one that holds the scheduler's advisory lock (every `khuyencong serve` tries;
// a dedicated `khuyencong worker` can take it instead), on SQLite the one process. A daily job
// runs once per day whichever process runs it (scheduler_runs), and a reminder is given once
// per due day (the notification's dedupe key), so a restart repeats nothing.
//
// Mail is sent outside any transaction: a crash between sending and recording sends that mail
// again (at least once, never lost).
#include <chrono>
#include <functional>
#include <stop_token>
#include <string>

#include "domain/date.h"
#include "store/notification_repo.h"

namespace kc::app {

// Sends one mail of the outbox; an error is retried later.
using SendMail = std::function<Status(const store::OutboxMail&)>;

struct SchedulerOptions {
  std::chrono::seconds interval{60};     // between ticks
  std::int64_t retry_base_seconds = 60;  // the first retry's wait, doubled after each failure
  std::int64_t retry_cap_seconds = 3600;
  std::int64_t max_attempts = 10;  // then the mail is given up as failed
  int batch = 50;                  // mails per tick
};

// The reminders of `day` (once per day: 0 when it ran before); the notices given.
Result<std::int64_t> run_reminders(store::Connection& db, Date day);

struct Delivery {
  std::int64_t sent = 0, retried = 0, given_up = 0;
};
// Sends the mail due at `now`.
Result<Delivery> deliver_mail(store::Connection& db, const SendMail& send,
                              const SchedulerOptions& o, std::chrono::system_clock::time_point now);

// One tick: today's reminders (Vietnam's day), then the due mail (none without `send`).
Status scheduler_tick(store::Connection& db, const SendMail& send, const SchedulerOptions& o);

// Ticks every interval until stop is requested, on its own connection to `db_location`;
// on PostgreSQL only while it holds the advisory lock (tried again every tick).
void run_scheduler(const std::string& db_location, const SendMail& send, const SchedulerOptions& o,
                   std::stop_token stop);

// An ISO 8601 UTC timestamp ("2026-12-03T18:00:00Z"), as the outbox stores times.
std::string iso_utc(std::chrono::system_clock::time_point t);

}  // namespace kc::app

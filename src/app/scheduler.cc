#include "app/scheduler.h"

#include <spdlog/spdlog.h>

#include <nlohmann/json.hpp>

#include <condition_variable>
#include <mutex>

#include "app/checks.h"
#include "app/notifications.h"
#include "app/workflow.h"
#include "domain/notification.h"
#include "store/execution_query.h"

namespace kc::app {
namespace {

store::Notice report_notice(const store::RunningContract& c, Date due) {
  return {"report_due", "Đến hạn báo cáo tiến độ: hợp đồng " + c.number,
          "Đề án " + c.project_code + " — " + c.project_title +
              ": báo cáo tiến độ kỳ tới của hợp đồng " + c.number + " đến hạn ngày " + to_vn(due) +
              ".",
          "/projects/" + std::to_string(c.project_id),
          "report_due:" + std::to_string(c.contract_id) + ":" + to_iso(due)};
}

store::Notice deadline_notice(const store::RunningContract& c, Date end) {
  return {"deadline_passed", "Quá hạn hợp đồng " + c.number,
          "Đề án " + c.project_code + " — " + c.project_title + ": hợp đồng " + c.number +
              " hết hạn ngày " + to_vn(end) + " mà chưa được nghiệm thu.",
          "/projects/" + std::to_string(c.project_id),
          "deadline_passed:" + std::to_string(c.contract_id) + ":" + to_iso(end)};
}

// A write transaction that leaves the data's version alone: the scheduler writes only
// notifications, the outbox and its runs, which no cached answer shows, so the response caches of
// the servers stay valid.
template <class F>
auto in_quiet_tx(store::Connection& db, F&& work) -> decltype(work()) {
  auto tx = store::Transaction::write(db, store::Transaction::Bump::no);
  if (!tx) return std::unexpected(tx.error());
  auto result = work();
  if (!result) return result;
  if (auto c = tx->commit(); !c) return std::unexpected(c.error());
  return result;
}

void log_error(const char* what, const std::string& detail) {
  spdlog::error("{}",
                nlohmann::json{{"event", "scheduler"}, {"msg", what}, {"error", detail}}.dump());
}

}  // namespace

std::string iso_utc(std::chrono::system_clock::time_point t) {
  std::time_t s = std::chrono::system_clock::to_time_t(t);
  std::tm tm{};
  gmtime_r(&s, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

Result<std::int64_t> run_reminders(store::Connection& db, Date day) {
  // Most ticks find the day's run done: they read, and write nothing.
  auto done = store::run_claimed(db, "reminders", to_iso(day));
  if (!done) return std::unexpected(done.error());
  if (*done) return std::int64_t{0};
  return in_quiet_tx(db, [&]() -> Result<std::int64_t> {
    auto claimed = store::claim_run(db, "reminders", to_iso(day));
    if (!claimed) return std::unexpected(claimed.error());
    if (!*claimed) return std::int64_t{0};
    auto period = dated_setting(db, "progress_report_period_days", day, 90);
    if (!period) return std::unexpected(period.error());
    auto remind = dated_setting(db, "report_reminder_days", day, 7);
    if (!remind) return std::unexpected(remind.error());
    auto running = store::running_contracts(db, ListQuery{});
    if (!running) return std::unexpected(running.error());
    std::int64_t given = 0;
    for (const auto& c : *running) {
      auto since = parse_date(c.last_report.empty() ? c.start_on : c.last_report);
      auto end = parse_date(c.end_on);
      if (!since || !end) continue;
      std::vector<std::pair<store::Notice, bool>> notices;
      if (*end < day) {
        // The officer following it; the whole department when nobody does.
        notices.emplace_back(deadline_notice(c, *end), c.officer_id == 0);
      } else {
        Date due = report_due_on(*since, static_cast<int>(*period));
        if (report_reminder_due(due, day, static_cast<int>(*remind)))
          notices.emplace_back(report_notice(c, due), false);
      }
      for (const auto& [n, department] : notices) {
        auto r = notify(db, store::ProjectsOf::project, c.project_id, department, n, c.officer_id);
        if (!r) return std::unexpected(r.error());
        given += *r;
      }
    }
    if (auto s = store::finish_run(db, "reminders", to_iso(day), given); !s)
      return std::unexpected(s.error());
    return given;
  });
}

Result<Delivery> deliver_mail(store::Connection& db, const SendMail& send,
                              const SchedulerOptions& o,
                              std::chrono::system_clock::time_point now) {
  auto due = store::due_mail(db, iso_utc(now), o.batch);
  if (!due) return std::unexpected(due.error());
  Delivery d;
  for (const auto& m : *due) {
    Status sent = send(m);  // outside any transaction
    auto recorded = in_quiet_tx(db, [&]() -> Result<bool> {
      if (sent) {
        if (auto s = store::mail_sent(db, m.id, iso_utc(now)); !s)
          return std::unexpected(s.error());
        return true;
      }
      auto wait =
          retry_delay(m.attempts + 1, o.retry_base_seconds, o.retry_cap_seconds, o.max_attempts);
      std::string next = wait ? iso_utc(now + std::chrono::seconds(*wait)) : "";
      if (auto s = store::mail_attempt_failed(db, m.id, next, sent.error().message); !s)
        return std::unexpected(s.error());
      return false;
    });
    if (!recorded) return std::unexpected(recorded.error());
    if (sent) {
      ++d.sent;
    } else {
      bool gave_up = m.attempts + 1 >= o.max_attempts;
      ++(gave_up ? d.given_up : d.retried);
      spdlog::warn("{}", nlohmann::json{{"event", "mail_failed"},
                                        {"mail", m.id},
                                        {"attempt", m.attempts + 1},
                                        {"given_up", gave_up},
                                        {"error", sent.error().message}}
                             .dump());
    }
  }
  return d;
}

Status scheduler_tick(store::Connection& db, const SendMail& send, const SchedulerOptions& o) {
  if (auto r = run_reminders(db, vietnam_today()); !r) return std::unexpected(r.error());
  if (!send) return {};
  if (auto d = deliver_mail(db, send, o, std::chrono::system_clock::now()); !d)
    return std::unexpected(d.error());
  return {};
}

void run_scheduler(const std::string& db_location, const SendMail& send, const SchedulerOptions& o,
                   std::stop_token stop) {
  std::mutex m;
  std::condition_variable_any wake;
  std::unique_ptr<store::Connection> db;
  bool holder = false;
  while (!stop.stop_requested()) {
    if (!db) {
      auto opened = store::open(db_location);
      if (opened) {
        db = std::move(*opened);
        (void)db->set_lock_wait(5000);
        holder = db->dialect() != "postgresql";
      } else {
        log_error("cannot open the database", opened.error().message);
      }
    }
    if (db && !holder) {
      auto got = store::take_scheduler_lock(*db);
      if (!got) db.reset();
      holder = got && *got;
      if (holder) spdlog::info(R"({{"event":"scheduler_holder"}})");
    }
    if (db && holder) {
      if (auto s = scheduler_tick(*db, send, o); !s) {
        log_error("tick failed", s.error().message);
        if (s.error().kind == ErrorKind::internal) db.reset(), holder = false;
      }
    }
    std::unique_lock lock(m);
    wake.wait_for(lock, stop, o.interval, [] { return false; });
  }
}

}  // namespace kc::app

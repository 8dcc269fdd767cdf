// Notifications: the pure rules (addresses, reminders, retries), the e-mail's text, who hears
// of an event by their choices, the outbox's retries and giving up, and the settings use case
// under injected faults.
#include <gtest/gtest.h>

#include "app/notifications.h"
#include "app/scheduler.h"
#include "crypto/crypto.h"
#include "domain/notification.h"
#include "fault_fixture.h"
#include "mail/smtp.h"

namespace kc {
namespace {

using namespace std::chrono_literals;

TEST(NotificationRules, EmailAddresses) {
  for (auto ok : {"a@b.vn", "chuyen.vien+kc@moit.gov.vn"}) EXPECT_TRUE(is_email_address(ok)) << ok;
  for (auto bad : {"", "@b.vn", "a@", "a@b", "a@@b.vn", "a b@c.vn", "a@b.vn.", "a@b..vn",
                   "<a@b.vn>", "a@b.vn,c@d.vn", "a@.vn"})
    EXPECT_FALSE(is_email_address(bad)) << bad;
  EXPECT_FALSE(is_email_address(std::string(250, 'a') + "@b.vn"));
}

TEST(NotificationRules, AReportReminderStartsTheGivenDaysBeforeItIsDue) {
  Date due = report_due_on({2019, 3, 1}, 90);
  EXPECT_EQ(to_iso(due), "2019-05-30");
  EXPECT_FALSE(report_reminder_due(due, {2019, 5, 22}, 7));
  EXPECT_TRUE(report_reminder_due(due, {2019, 5, 23}, 7));
  EXPECT_TRUE(report_reminder_due(due, {2019, 8, 1}, 7));  // overdue: still reminded
}

TEST(NotificationRules, RetriesDoubleUpToTheCapThenGiveUp) {
  EXPECT_EQ(retry_delay(1, 60, 3600, 10), 60);
  EXPECT_EQ(retry_delay(2, 60, 3600, 10), 120);
  EXPECT_EQ(retry_delay(4, 60, 3600, 10), 480);
  EXPECT_EQ(retry_delay(9, 60, 3600, 10), 3600);
  EXPECT_EQ(retry_delay(10, 60, 3600, 10), std::nullopt);
  EXPECT_EQ(retry_delay(1, 0, 3600, 10), 1);  // never a busy loop
}

TEST(MailText, HeadersAndBodyAreMimeWithUtf8) {
  mail::Message m{"kc@moit.gov.vn", "so@hanoi.gov.vn", "Đề án KC-01 được trả lại",
                  "Lý do: thiếu dự toán chi tiết.\n" + std::string(200, 'x')};
  auto text = mail::compose(m, std::chrono::system_clock::from_time_t(0), "id-1@moit.gov.vn");
  auto head = text.substr(0, text.find("\r\n\r\n"));
  EXPECT_NE(head.find("From: kc@moit.gov.vn\r\n"), std::string::npos) << head;
  EXPECT_NE(head.find("To: so@hanoi.gov.vn\r\n"), std::string::npos);
  EXPECT_NE(head.find("Subject: =?UTF-8?B?" + crypto::base64(m.subject) + "?=\r\n"),
            std::string::npos);
  EXPECT_NE(head.find("Date: Thu, 01 Jan 1970 00:00:00 +0000"), std::string::npos);
  EXPECT_NE(head.find("Message-ID: <id-1@moit.gov.vn>"), std::string::npos);
  EXPECT_NE(head.find("charset=UTF-8"), std::string::npos);
  std::string body = text.substr(text.find("\r\n\r\n") + 4), joined;
  for (std::size_t at = 0; at < body.size();) {
    auto end = body.find("\r\n", at);
    ASSERT_NE(end, std::string::npos) << "every line ends with CRLF";
    EXPECT_LE(end - at, 76u);
    joined += body.substr(at, end - at);
    at = end + 2;
  }
  EXPECT_EQ(joined, crypto::base64(m.body + "\n"));
  m.subject = "Plain subject";
  EXPECT_NE(mail::compose(m, {}, "x@y").find("Subject: Plain subject\r\n"), std::string::npos);
}

class Notifications : public Faults {
 protected:
  void SetUp() override {
    Faults::SetUp();
    fixture();
    unit_ = user("donvi", "unit", std::nullopt, org_.id);
    province_ = user("so-dongnai", "province", ProvinceRef{"2008", "75"}, 0);
    other_ = user("so-hanoi", "province", ProvinceRef{"2008", "01"}, 0);
  }
  User user(const std::string& login, const std::string& role, std::optional<ProvinceRef> p,
            std::int64_t org) {
    return app::create_user(*real_, kSystem, {login, "Người dùng", role, p, org, false, 0},
                            "a-long-password")
        .value();
  }
  static app::Actor actor(const User& u) {
    return {app::Role::department, u.id, u.login, u.province_2025, u.organization_id};
  }
  // Saves a user's address and, for `kind`, the two choices.
  void choose(const User& u, const std::string& email, const std::string& kind, bool in_app,
              bool by_email) {
    nlohmann::json body = {
        {"email", email}, {"choices", {{{"kind", kind}, {"in_app", in_app}, {"email", by_email}}}}};
    ASSERT_TRUE(app::save_notification_settings(*real_, actor(u), body));
  }
  std::int64_t count(const std::string& sql) { return real_->scalar(sql, {}).value(); }
  store::Notice notice(const std::string& key) {
    return {"proposal_returned", "Đề án P-1 được trả lại", "Lý do: thiếu hồ sơ", "/projects/1",
            key};
  }
  User unit_, province_, other_;
};

TEST_F(Notifications, ThePeopleOfTheProjectHearAsTheyChoseAndOnlyOnce) {
  choose(unit_, "donvi@example.vn", "proposal_returned", true, true);
  choose(province_, "so@example.vn", "proposal_returned", true, false);
  choose(other_, "hanoi@example.vn", "proposal_returned", true, true);
  auto given = app::notify(*real_, store::ProjectsOf::project, project_.id, false, notice("k1"));
  ASSERT_TRUE(given);
  EXPECT_EQ(*given, 2);  // the unit and its province; not Hà Nội, not the department
  EXPECT_EQ(count("SELECT COUNT(*) FROM mail_outbox"), 1);
  EXPECT_EQ(real_
                ->scalar("SELECT COUNT(*) FROM mail_outbox WHERE to_address = ?",
                         std::vector<store::Value>{std::string("donvi@example.vn")})
                .value(),
            1);
  EXPECT_EQ(app::notify(*real_, store::ProjectsOf::project, project_.id, false, notice("k1")), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM notifications"), 2);
  // With `department`, the department hears too; a user who chose nothing gets nothing.
  choose(province_, "so@example.vn", "proposal_returned", false, false);
  EXPECT_EQ(app::notify(*real_, store::ProjectsOf::project, project_.id, true, notice("k2")), 2);
  auto mine = app::my_notifications(*real_, actor(user_), false).value();
  ASSERT_EQ(mine["items"].size(), 1u);
  EXPECT_EQ(mine["unread"], 1);
  EXPECT_EQ(mine["items"][0]["subject"], "Đề án P-1 được trả lại");
}

TEST_F(Notifications, MarkingReadIsPerUser) {
  ASSERT_TRUE(app::notify(*real_, store::ProjectsOf::project, project_.id, false, notice("k")));
  auto mine = app::my_notifications(*real_, actor(unit_), false).value();
  std::int64_t id = mine["items"][0]["id"];
  auto theirs = app::mark_read(*real_, actor(other_), id);
  ASSERT_FALSE(theirs);
  EXPECT_EQ(theirs.error().kind, ErrorKind::not_found);
  EXPECT_EQ(app::mark_read(*real_, actor(unit_), id).value()["marked"], 1);
  EXPECT_EQ(app::mark_read(*real_, actor(unit_), id).value()["marked"], 0);  // read before
  EXPECT_EQ(app::my_notifications(*real_, actor(unit_), true).value()["items"].size(), 0u);
  EXPECT_EQ(app::my_notifications(*real_, actor(province_), true).value()["unread"], 1);
}

TEST_F(Notifications, BadSettingsNameTheFieldAndChangeNothing) {
  nlohmann::json body = {{"email", "not an address"},
                         {"choices", {{{"kind", "weather"}, {"in_app", true}, {"email", true}}}}};
  auto r = app::save_notification_settings(*real_, actor(unit_), body);
  ASSERT_FALSE(r);
  std::vector<std::string> fields;
  for (const auto& f : r.error().fields) fields.push_back(f.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"email", "choices/0/kind"}));
  EXPECT_EQ(store::user_email(*real_, unit_.id).value(), "");
  auto shown = app::notification_settings(*real_, actor(unit_)).value();
  EXPECT_EQ(shown["choices"].size(), std::size(kNotificationKinds));
  for (const auto& c : shown["choices"]) EXPECT_TRUE(c["in_app"] && c["email"]);  // the defaults
}

TEST_F(Notifications, SavingSettingsIsAllOrNothing) {
  nlohmann::json body = {{"email", "donvi@example.vn"},
                         {"choices",
                          {{{"kind", "report_due"}, {"in_app", true}, {"email", false}},
                           {{"kind", "deadline_passed"}, {"in_app", false}, {"email", true}}}}};
  each_fault("save settings", [&](store::Connection& db) {
    return app::save_notification_settings(db, actor(unit_), body).has_value();
  });
  auto shown = app::notification_settings(*real_, actor(unit_)).value();
  EXPECT_EQ(shown["email"], "donvi@example.vn");
  EXPECT_EQ(shown["choices"][0]["kind"], "report_due");
  EXPECT_FALSE(shown["choices"][0]["email"]);
  EXPECT_FALSE(shown["choices"][1]["in_app"]);
}

TEST_F(Notifications, TheOutboxRetriesWithGrowingWaitsThenSendsOrGivesUp) {
  choose(unit_, "donvi@example.vn", "proposal_returned", true, true);
  ASSERT_TRUE(app::notify(*real_, store::ProjectsOf::project, project_.id, false, notice("k")));
  int calls = 0;
  bool server_up = false;
  app::SendMail send = [&](const store::OutboxMail& m) -> Status {
    ++calls;
    EXPECT_EQ(m.to, "donvi@example.vn");
    if (!server_up) return std::unexpected(Error::of(ErrorKind::unavailable, "connection refused"));
    return {};
  };
  app::SchedulerOptions o;
  o.retry_base_seconds = 60;
  auto t0 = std::chrono::system_clock::now() + 1s;  // the mail was queued before t0
  auto d = app::deliver_mail(*real_, send, o, t0).value();
  EXPECT_EQ(d.retried, 1);
  EXPECT_EQ(app::deliver_mail(*real_, send, o, t0 + 59s).value().retried, 0);  // not due yet
  EXPECT_EQ(calls, 1);
  EXPECT_EQ(app::deliver_mail(*real_, send, o, t0 + 60s).value().retried, 1);
  EXPECT_EQ(app::deliver_mail(*real_, send, o, t0 + 179s).value().retried, 0);  // 120 s now
  server_up = true;
  EXPECT_EQ(app::deliver_mail(*real_, send, o, t0 + 180s).value().sent, 1);
  EXPECT_EQ(calls, 3);
  auto out = store::latest_mail(*real_, "", 10).value();
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].status, "sent");
  EXPECT_EQ(out[0].attempts, 3);
  EXPECT_EQ(app::deliver_mail(*real_, send, o, t0 + 10h).value().sent, 0);  // sent once

  ASSERT_TRUE(app::notify(*real_, store::ProjectsOf::project, project_.id, false, notice("k2")));
  server_up = false;
  o.max_attempts = 2;
  EXPECT_EQ(app::deliver_mail(*real_, send, o, t0 + 11h).value().retried, 1);
  EXPECT_EQ(app::deliver_mail(*real_, send, o, t0 + 12h).value().given_up, 1);
  auto failed = store::latest_mail(*real_, "failed", 10).value();
  ASSERT_EQ(failed.size(), 1u);
  EXPECT_EQ(failed[0].last_error, "connection refused");
  EXPECT_EQ(app::deliver_mail(*real_, send, o, t0 + 100h).value().retried, 0);
}

TEST_F(Notifications, RemindersRunOncePerDay) {
  EXPECT_EQ(app::run_reminders(*real_, {2018, 9, 1}), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM scheduler_runs"), 1);
  EXPECT_EQ(app::run_reminders(*real_, {2018, 9, 1}), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM scheduler_runs"), 1);
  EXPECT_EQ(app::run_reminders(*real_, {2018, 9, 2}), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM scheduler_runs"), 2);
}

}  // namespace
}  // namespace kc

#include "store/notification_repo.h"

#include "store/sql.h"

namespace kc::store {

Result<std::vector<NotificationChoice>> notification_choices(Connection& db, std::int64_t user_id) {
  auto rows = db.query(
      "SELECT kind, in_app, by_email FROM notification_choices WHERE user_id = ? ORDER BY kind",
      std::vector<Value>{user_id});
  if (!rows) return std::unexpected(rows.error());
  std::vector<NotificationChoice> out;
  for (const auto& r : *rows) out.push_back({r.str(0), r.i64(1) != 0, r.i64(2) != 0});
  return out;
}

Status save_notification_choices(Connection& db, std::int64_t user_id, const std::string& email,
                                 const std::vector<NotificationChoice>& choices) {
  if (auto s =
          db.exec("UPDATE users SET email = ? WHERE id = ?", std::vector<Value>{email, user_id});
      !s)
    return std::unexpected(s.error());
  if (auto s = db.exec("DELETE FROM notification_choices WHERE user_id = ?",
                       std::vector<Value>{user_id});
      !s)
    return std::unexpected(s.error());
  for (const auto& c : choices)
    if (auto s = db.exec(
            "INSERT INTO notification_choices (user_id, kind, in_app, by_email) VALUES (?, ?, ?, "
            "?)",
            std::vector<Value>{user_id, c.kind, std::int64_t{c.in_app}, std::int64_t{c.by_email}});
        !s)
      return std::unexpected(s.error());
  return {};
}

Result<std::string> user_email(Connection& db, std::int64_t user_id) {
  return one_row<std::string>(db, "SELECT email FROM users WHERE id = ?", {user_id}, "user",
                              [](const Row& r) { return r.str(0); });
}

Result<std::vector<Recipient>> recipients(Connection& db, std::string_view kind, ProjectsOf of,
                                          std::int64_t id, bool department,
                                          std::int64_t officer_id) {
  const std::string projects = of == ProjectsOf::project
                                   ? "SELECT CAST(? AS BIGINT) AS id"
                                   : "SELECT project_id AS id FROM plan_decision_items WHERE "
                                     "decision_id = ?";
  auto rows = db.query(
      "WITH chosen AS (" + projects +
          ") SELECT u.id, u.email, COALESCE(c.in_app, 1), COALESCE(c.by_email, 1) FROM users u "
          "LEFT JOIN notification_choices c ON c.user_id = u.id AND c.kind = ? WHERE u.disabled = "
          "0 AND ((u.role = 'unit' AND u.organization_id IN (SELECT p.implementing_org_id FROM "
          "projects p JOIN chosen ON chosen.id = p.id)) OR (u.role = 'province' AND "
          "u.province_2025 IN (SELECT pp.province_2025 FROM project_provinces pp JOIN chosen ON "
          "chosen.id = pp.project_id)) OR (u.role = 'department' AND ? = 1) OR u.id = ?) ORDER BY "
          "u.id",
      std::vector<Value>{id, std::string(kind), std::int64_t{department}, officer_id});
  if (!rows) return std::unexpected(rows.error());
  std::vector<Recipient> out;
  for (const auto& r : *rows) out.push_back({r.i64(0), r.str(1), r.i64(2) != 0, r.i64(3) != 0});
  return out;
}

Result<std::int64_t> insert_notification(Connection& db, std::int64_t user_id, const Notice& n,
                                         bool in_app) {
  auto rows = db.query(
      "INSERT INTO notifications (user_id, kind, subject, body, link, dedupe_key, in_app, "
      "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (user_id, dedupe_key) DO NOTHING "
      "RETURNING id",
      std::vector<Value>{user_id, n.kind, n.subject, n.body, n.link, n.dedupe_key,
                         std::int64_t{in_app}, now_utc()});
  if (!rows) return std::unexpected(rows.error());
  return rows->empty() ? 0 : rows->front().i64(0);
}

namespace {
NotificationRow notification_from(const Row& r) {
  return {r.i64(0), r.str(1), r.str(2), r.str(3), r.str(4), r.str(5), r.str(6)};
}
OutboxMail mail_from(const Row& r) {
  return {r.i64(0), r.i64(1), r.i64(2), r.str(3), r.str(4),  r.str(5),
          r.str(6), r.str(7), r.str(8), r.str(9), r.str(10), r.str(11)};
}
constexpr const char* kMailColumns =
    "SELECT id, notification_id, attempts, to_address, subject, body, status, next_attempt_at, "
    "last_error, created_at, sent_at, link FROM mail_outbox";
}  // namespace

Result<std::vector<NotificationRow>> user_notifications(Connection& db, std::int64_t user_id,
                                                        bool unread_only, int limit) {
  auto rows = db.query(
      std::string("SELECT id, kind, subject, body, link, created_at, read_at FROM notifications "
                  "WHERE user_id = ? AND in_app = 1") +
          (unread_only ? " AND read_at = ''" : "") + " ORDER BY id DESC LIMIT ?",
      std::vector<Value>{user_id, std::int64_t{limit}});
  if (!rows) return std::unexpected(rows.error());
  std::vector<NotificationRow> out;
  for (const auto& r : *rows) out.push_back(notification_from(r));
  return out;
}

Result<std::int64_t> unread_notifications(Connection& db, std::int64_t user_id) {
  return db.scalar(
      "SELECT COUNT(*) FROM notifications WHERE user_id = ? AND in_app = 1 AND read_at = ''",
      std::vector<Value>{user_id});
}

Result<std::int64_t> mark_notifications_read(Connection& db, std::int64_t user_id,
                                             std::int64_t id) {
  std::string sql = "UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at = ''";
  std::vector<Value> params{now_utc(), user_id};
  if (id != 0) {
    sql += " AND id = ?";
    params.push_back(id);
  }
  return db.exec(sql, params);
}

Status queue_mail(Connection& db, const OutboxMail& m) {
  auto s = db.exec(
      "INSERT INTO mail_outbox (notification_id, to_address, subject, body, link, status, "
      "attempts, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, 'pending', 0, ?, ?)",
      std::vector<Value>{m.notification_id, m.to, m.subject, m.body, m.link, m.next_attempt_at,
                         now_utc()});
  if (!s) return std::unexpected(s.error());
  return {};
}

Result<std::vector<OutboxMail>> due_mail(Connection& db, const std::string& now, int limit) {
  auto rows = db.query(std::string(kMailColumns) +
                           " WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY "
                           "next_attempt_at, id LIMIT ?",
                       std::vector<Value>{now, std::int64_t{limit}});
  if (!rows) return std::unexpected(rows.error());
  std::vector<OutboxMail> out;
  for (const auto& r : *rows) out.push_back(mail_from(r));
  return out;
}

Result<std::vector<OutboxMail>> latest_mail(Connection& db, const std::string& status, int limit) {
  Where w;
  if (!status.empty()) w.add("status = ?", {status});
  w.params.push_back(std::int64_t{limit});
  auto rows = db.query(std::string(kMailColumns) + w.sql + " ORDER BY id DESC LIMIT ?", w.params);
  if (!rows) return std::unexpected(rows.error());
  std::vector<OutboxMail> out;
  for (const auto& r : *rows) out.push_back(mail_from(r));
  return out;
}

Status mail_sent(Connection& db, std::int64_t id, const std::string& now) {
  return expect_one(db,
                    db.exec("UPDATE mail_outbox SET status = 'sent', attempts = attempts + 1, "
                            "sent_at = ?, last_error = '' WHERE id = ? AND status = 'pending'",
                            std::vector<Value>{now, id}),
                    "mail_outbox", id);
}

Status mail_attempt_failed(Connection& db, std::int64_t id, const std::string& next_at,
                           const std::string& error) {
  return expect_one(
      db,
      db.exec("UPDATE mail_outbox SET attempts = attempts + 1, last_error = ?, status = ?, "
              "next_attempt_at = CASE WHEN ? = '' THEN next_attempt_at ELSE ? END WHERE id = ? "
              "AND status = 'pending'",
              std::vector<Value>{error, std::string(next_at.empty() ? "failed" : "pending"),
                                 next_at, next_at, id}),
      "mail_outbox", id);
}

Result<bool> claim_run(Connection& db, const std::string& job, const std::string& day) {
  auto changed = db.exec(
      "INSERT INTO scheduler_runs (job, day, started_at) VALUES (?, ?, ?) ON CONFLICT (job, day) "
      "DO NOTHING",
      std::vector<Value>{job, day, now_utc()});
  if (!changed) return std::unexpected(changed.error());
  return *changed == 1;
}

Status finish_run(Connection& db, const std::string& job, const std::string& day,
                  std::int64_t notices) {
  auto s = db.exec("UPDATE scheduler_runs SET notices = ? WHERE job = ? AND day = ?",
                   std::vector<Value>{notices, job, day});
  if (!s) return std::unexpected(s.error());
  return {};
}

Result<bool> notification_of(Connection& db, std::int64_t user_id, std::int64_t id) {
  auto n = db.scalar("SELECT COUNT(*) FROM notifications WHERE id = ? AND user_id = ?",
                     std::vector<Value>{id, user_id});
  if (!n) return std::unexpected(n.error());
  return *n > 0;
}

Result<bool> run_claimed(Connection& db, const std::string& job, const std::string& day) {
  auto n = db.scalar("SELECT COUNT(*) FROM scheduler_runs WHERE job = ? AND day = ?",
                     std::vector<Value>{job, day});
  if (!n) return std::unexpected(n.error());
  return *n > 0;
}

Result<bool> take_scheduler_lock(Connection& db) {
  // The key: "kc" and the scheduler's number.
  constexpr std::int64_t kSchedulerLock = 0x6B63'0001;
  auto got = db.scalar("SELECT CASE WHEN pg_try_advisory_lock(?) THEN 1 ELSE 0 END",
                       std::vector<Value>{kSchedulerLock});
  if (!got) return std::unexpected(got.error());
  return *got == 1;
}

}  // namespace kc::store

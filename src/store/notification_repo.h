#pragma once
// Notifications, the users' choices, the mail outbox and the scheduler's runs (migration 013).
#include <optional>
#include <string>
#include <vector>

#include "store/db.h"

namespace kc::store {

// A user's stored choice for one kind (a kind with no row: in the app and by e-mail).
struct NotificationChoice {
  std::string kind;
  bool in_app = true, by_email = true;
};
Result<std::vector<NotificationChoice>> notification_choices(Connection& db, std::int64_t user_id);
// Replaces the user's choices and e-mail address.
Status save_notification_choices(Connection& db, std::int64_t user_id, const std::string& email,
                                 const std::vector<NotificationChoice>& choices);
Result<std::string> user_email(Connection& db, std::int64_t user_id);

// Who hears of an event about some projects: the unit users of their implementing units, the
// province users of their provinces, the officer `officer_id` (0: none) and, when `department`,
// every department user; enabled accounts only, each with their e-mail address and their choice
// for `kind`.
struct Recipient {
  std::int64_t user_id = 0;
  std::string email;
  bool in_app = true, by_email = true;
};
enum class ProjectsOf { project, decision };
Result<std::vector<Recipient>> recipients(Connection& db, std::string_view kind, ProjectsOf of,
                                          std::int64_t id, bool department,
                                          std::int64_t officer_id = 0);

struct Notice {
  std::string kind, subject, body, link;
  std::string dedupe_key;  // one notification per user and key
};
// Inserts the user's notification; 0 when one with the same key was given before.
Result<std::int64_t> insert_notification(Connection& db, std::int64_t user_id, const Notice& n,
                                         bool in_app);

struct NotificationRow {
  std::int64_t id = 0;
  std::string kind, subject, body, link, created_at, read_at;
};
// The user's notifications shown in the app, newest first.
Result<std::vector<NotificationRow>> user_notifications(Connection& db, std::int64_t user_id,
                                                        bool unread_only, int limit);
Result<std::int64_t> unread_notifications(Connection& db, std::int64_t user_id);
// Marks one (or, with id 0, every) unread notification of the user read; the number marked.
Result<std::int64_t> mark_notifications_read(Connection& db, std::int64_t user_id, std::int64_t id);
// Whether notification `id` is the user's.
Result<bool> notification_of(Connection& db, std::int64_t user_id, std::int64_t id);

struct OutboxMail {
  std::int64_t id = 0, notification_id = 0, attempts = 0;
  std::string to, subject, body, status, next_attempt_at, last_error, created_at, sent_at;
  std::string link;  // the UI's address of the record ("/projects/12")
};
Status queue_mail(Connection& db, const OutboxMail& m);
// Pending mail whose next attempt is due at `now` (ISO UTC), oldest first.
Result<std::vector<OutboxMail>> due_mail(Connection& db, const std::string& now, int limit);
// The latest mail of the outbox, newest first, optionally of one status.
Result<std::vector<OutboxMail>> latest_mail(Connection& db, const std::string& status, int limit);
Status mail_sent(Connection& db, std::int64_t id, const std::string& now);
// A failed attempt: the next one at `next_at`, or (next_at empty) given up as failed.
Status mail_attempt_failed(Connection& db, std::int64_t id, const std::string& next_at,
                           const std::string& error);

// Whether the daily run of `job` on `day` was claimed already (a read; writes nothing).
Result<bool> run_claimed(Connection& db, const std::string& job, const std::string& day);
// Claims the daily run of `job` on `day`: false when some process ran it already.
Result<bool> claim_run(Connection& db, const std::string& job, const std::string& day);
// PostgreSQL: takes the scheduler's session advisory lock if no other session holds it (kept
// until the connection closes); true when this connection holds it.
Result<bool> take_scheduler_lock(Connection& db);
Status finish_run(Connection& db, const std::string& job, const std::string& day,
                  std::int64_t notices);

}  // namespace kc::store

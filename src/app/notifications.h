#pragma once
// Notifications as use cases. Events (a proposal returned, a decision approved, and the
// scheduler's reminders: a report falling due, a deadline passed) notify the people of the
// projects concerned inside the transaction that records the event: each user gets one
// notification per event in the app and, when they chose it and gave an address, one e-mail
// queued in the outbox (app/scheduler.h sends it). Each user reads their own notifications and
// sets their own choices; the administrator reads the outbox.
#include <nlohmann/json.hpp>

#include "app/policy.h"
#include "domain/project.h"
#include "store/decision_repo.h"
#include "store/notification_repo.h"

namespace kc::app {

// Notifies the people of a project (or of a decision's projects; `department` adds every
// department user, `officer` the officer following it); the number of notifications given (a
// repeated event gives none).
Result<std::int64_t> notify(store::Connection& db, store::ProjectsOf of, std::int64_t id,
                            bool department, const store::Notice& n, std::int64_t officer = 0);
// The events the use cases raise.
Status notify_returned(store::Connection& db, const Project& p, const std::string& reason);
Status notify_decision(store::Connection& db, const store::Decision& d);

// The user's notifications (latest 50, or only the unread) with the unread count.
Result<nlohmann::json> my_notifications(store::Connection& db, const Actor& a, bool unread_only);
// Marks one notification (id > 0) or all of them read.
Result<nlohmann::json> mark_read(store::Connection& db, const Actor& a, std::int64_t id);
// {email, choices: [{kind, in_app, email}]} for every kind.
Result<nlohmann::json> notification_settings(store::Connection& db, const Actor& a);
Result<nlohmann::json> save_notification_settings(store::Connection& db, const Actor& a,
                                                  const nlohmann::json& body);
// The administrator's view of the outbox: the latest 100 mails (of one status) and the counts.
Result<nlohmann::json> mail_outbox_json(store::Connection& db, const Actor& a,
                                        const std::string& status);

}  // namespace kc::app

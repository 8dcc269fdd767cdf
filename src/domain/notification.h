#pragma once
// Notifications: the kinds a user can receive, in the app and by e-mail, and the rules the
// scheduler follows (when a progress report falls due, how a failed e-mail is retried). Pure
// rules, no I/O: app/notifications.cc and app/scheduler.cc apply them.
#include <cstdint>
#include <optional>
#include <string_view>

#include "domain/date.h"

namespace kc {

// report_due: a progress report falls due (or is overdue); deadline_passed: a running contract's
// end has passed; proposal_returned: a proposal was returned for revision; decision_approved: a
// plan decision (or an adjustment) that funds the user's projects was approved.
inline constexpr std::string_view kNotificationKinds[] = {"report_due", "deadline_passed",
                                                          "proposal_returned", "decision_approved"};
bool is_notification_kind(std::string_view kind);

// Whether `text` is an e-mail address as the system accepts one: local@domain, the domain with
// a dot, no spaces or angle brackets, at most 254 characters.
bool is_email_address(std::string_view text);

// The day the next progress report is due: the last report's period end (or the contract's
// start) plus the reporting period.
Date report_due_on(Date last_report_or_start, int period_days);
// Whether to remind on `as_of`: from `remind_days` before the due day on.
bool report_reminder_due(Date due_on, Date as_of, int remind_days);

// The wait before the next attempt at an e-mail after `failed` failed attempts (1, 2, …):
// base, 2·base, 4·base … seconds, at most `cap`; nullopt once `failed` reaches `max_attempts`
// (the mail is then given up as failed, and stays in the outbox for the administrator).
std::optional<std::int64_t> retry_delay(std::int64_t failed, std::int64_t base, std::int64_t cap,
                                        std::int64_t max_attempts);

}  // namespace kc

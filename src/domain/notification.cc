#include "domain/notification.h"

#include <algorithm>

namespace kc {

bool is_notification_kind(std::string_view kind) {
  return std::ranges::find(kNotificationKinds, kind) != std::end(kNotificationKinds);
}

bool is_email_address(std::string_view text) {
  if (text.empty() || text.size() > 254) return false;
  for (char ch : text)
    if (static_cast<unsigned char>(ch) <= ' ' || ch == '<' || ch == '>' || ch == ',' || ch == ';' ||
        ch == '"')
      return false;
  auto at = text.find('@');
  if (at == 0 || at == std::string_view::npos || text.find('@', at + 1) != std::string_view::npos)
    return false;
  auto domain = text.substr(at + 1);
  auto dot = domain.find('.');
  return dot != std::string_view::npos && dot > 0 && domain.back() != '.' &&
         domain.find("..") == std::string_view::npos;
}

Date report_due_on(Date last_report_or_start, int period_days) {
  return add_days(last_report_or_start, period_days);
}

bool report_reminder_due(Date due_on, Date as_of, int remind_days) {
  return !(as_of < add_days(due_on, -remind_days));
}

std::optional<std::int64_t> retry_delay(std::int64_t failed, std::int64_t base, std::int64_t cap,
                                        std::int64_t max_attempts) {
  if (failed >= max_attempts) return std::nullopt;
  std::int64_t delay = std::max<std::int64_t>(1, base);
  for (std::int64_t i = 1; i < failed && delay < cap; ++i) delay *= 2;
  return std::min(delay, cap);
}

}  // namespace kc

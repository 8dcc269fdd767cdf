#pragma once
// A calendar date without time zone. Stored and exchanged as ISO "YYYY-MM-DD"; shown to
// people as "dd/mm/yyyy".
#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace kc {

struct Date {
  int year = 0;
  int month = 0;
  int day = 0;
  auto operator<=>(const Date&) const = default;
};

bool is_valid(const Date& d);
// Accepts "YYYY-MM-DD" and "dd/mm/yyyy"; nullopt when malformed or not a real day.
std::optional<Date> parse_date(std::string_view text);
std::string to_iso(const Date& d);
std::string to_vn(const Date& d);  // dd/mm/yyyy
// The date `days` days later (earlier when negative); d must be valid.
Date add_days(const Date& d, int days);
// Days from `a` to `b` (negative when b is earlier); both must be valid.
int days_between(const Date& a, const Date& b);

}  // namespace kc

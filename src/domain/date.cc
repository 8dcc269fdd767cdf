#include "domain/date.h"

#include <charconv>
#include <chrono>
#include <cstdio>

namespace kc {
namespace {

bool leap(int y) {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

std::optional<int> number(std::string_view s, size_t width) {
  if (s.size() != width) return std::nullopt;
  int v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc{} || p != s.data() + s.size()) return std::nullopt;
  return v;
}

}  // namespace

bool is_valid(const Date& d) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (d.year < 1900 || d.year > 2200 || d.month < 1 || d.month > 12 || d.day < 1) return false;
  int max = kDays[d.month - 1] + (d.month == 2 && leap(d.year) ? 1 : 0);
  return d.day <= max;
}

std::optional<Date> parse_date(std::string_view t) {
  std::optional<int> y, m, d;
  if (t.size() == 10 && t[4] == '-' && t[7] == '-') {
    y = number(t.substr(0, 4), 4), m = number(t.substr(5, 2), 2), d = number(t.substr(8, 2), 2);
  } else if (t.size() == 10 && t[2] == '/' && t[5] == '/') {
    d = number(t.substr(0, 2), 2), m = number(t.substr(3, 2), 2), y = number(t.substr(6, 4), 4);
  }
  if (!y || !m || !d) return std::nullopt;
  Date date{*y, *m, *d};
  if (!is_valid(date)) return std::nullopt;
  return date;
}

std::string to_iso(const Date& d) {
  if (d.year < 0 || d.year > 9999 || d.month < 0 || d.month > 99 || d.day < 0 || d.day > 99) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
    return buf;
  }
  // By hand: an export writes two dates per row, and snprintf was 5 % of its time.
  std::string s = "0000-00-00";
  auto put = [&](std::size_t end, int v) {
    for (std::size_t i = end; v > 0; v /= 10) s[--i] = static_cast<char>('0' + v % 10);
  };
  put(4, d.year), put(7, d.month), put(10, d.day);
  return s;
}

std::string to_vn(const Date& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d/%02d/%04d", d.day, d.month, d.year);
  return buf;
}

int days_between(const Date& a, const Date& b) {
  using namespace std::chrono;
  auto at = [](const Date& d) {
    return sys_days{year_month_day{year{d.year}, month{static_cast<unsigned>(d.month)},
                                   day{static_cast<unsigned>(d.day)}}};
  };
  return static_cast<int>((at(b) - at(a)).count());
}

}  // namespace kc

namespace kc {

Date add_days(const Date& d, int days) {
  using namespace std::chrono;
  sys_days t = year_month_day{year{d.year}, month{static_cast<unsigned>(d.month)},
                              day{static_cast<unsigned>(d.day)}};
  year_month_day r{t + std::chrono::days{days}};
  return {static_cast<int>(r.year()), static_cast<int>(static_cast<unsigned>(r.month())),
          static_cast<int>(static_cast<unsigned>(r.day()))};
}

}  // namespace kc

#include "domain/money.h"

#include <cctype>
#include <vector>

namespace kc {
namespace {

std::string group_thousands(std::uint64_t v) {
  std::string digits = std::to_string(v);
  std::string out;
  int n = static_cast<int>(digits.size());
  for (int i = 0; i < n; ++i) {
    if (i > 0 && (n - i) % 3 == 0) out += '.';
    out += digits[static_cast<size_t>(i)];
  }
  return out;
}

std::uint64_t magnitude(Vnd v) {
  return v < 0 ? static_cast<std::uint64_t>(-(v + 1)) + 1 : static_cast<std::uint64_t>(v);
}

// value/unit rounded to one decimal, written with a decimal comma: 15 -> "1,5", 120 -> "120".
std::string one_decimal(std::uint64_t v, std::uint64_t unit) {
  std::uint64_t tenths = (v * 10 + unit / 2) / unit;
  std::string s = group_thousands(tenths / 10);
  if (tenths % 10 != 0) s += "," + std::to_string(tenths % 10);
  return s;
}

}  // namespace

std::string format_vnd(Vnd amount) {
  std::string s = amount < 0 ? "-" : "";
  return s + group_thousands(magnitude(amount)) + "\u00A0₫";
}

std::string format_count(std::int64_t n) {
  return (n < 0 ? "-" : "") + group_thousands(magnitude(n));
}

std::string format_vnd_short(Vnd amount) {
  std::string sign = amount < 0 ? "-" : "";
  std::uint64_t v = magnitude(amount);
  constexpr std::uint64_t kBillion = 1'000'000'000, kMillion = 1'000'000;
  if (v >= kBillion) return sign + one_decimal(v, kBillion) + " tỷ đồng";
  if (v >= kMillion) return sign + one_decimal(v, kMillion) + " triệu đồng";
  return sign + group_thousands(v) + " đồng";
}

std::optional<Vnd> parse_vnd(std::string_view text) {
  auto trim = [](std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
  };
  text = trim(text);
  for (std::string_view suffix : {"đồng", "₫", "đ", "VND", "vnd"}) {
    if (text.ends_with(suffix)) {
      text = trim(text.substr(0, text.size() - suffix.size()));
      break;
    }
  }
  if (text.empty()) return std::nullopt;
  // Digits, optionally grouped by thousands with one kind of separator ('.' or ' ', as
  // Vietnamese writes them): "1000000", "1.000.000", "1 000 000". A group that is not three
  // digits ("1000.5", "1.5") is a fraction or a typo, never silently joined.
  char sep = 0;
  size_t group = 0;  // digits since the last separator
  bool grouped = false;
  std::uint64_t v = 0;
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      if (v > (static_cast<std::uint64_t>(INT64_MAX) - static_cast<std::uint64_t>(c - '0')) / 10)
        return std::nullopt;
      v = v * 10 + static_cast<std::uint64_t>(c - '0');
      ++group;
    } else if (c == '.' || c == ' ') {
      if ((sep && c != sep) || group == 0 || (grouped && group != 3) || (!grouped && group > 3))
        return std::nullopt;
      sep = c, grouped = true, group = 0;
    } else {
      return std::nullopt;  // '-', ',', letters: not a whole, non-negative amount
    }
  }
  if (group == 0 || (grouped && group != 3)) return std::nullopt;
  return static_cast<Vnd>(v);
}

std::optional<Vnd> add_vnd(Vnd a, Vnd b) {
  Vnd r;
  if (__builtin_add_overflow(a, b, &r)) return std::nullopt;
  return r;
}

namespace {

// One group of three digits; `inner`: a group after a larger one, read in full ("không trăm
// linh năm").
std::string read_group(int n, bool inner) {
  static const char* kDigits[] = {"không", "một", "hai", "ba",  "bốn",
                                  "năm",   "sáu", "bảy", "tám", "chín"};
  const int h = n / 100, t = n / 10 % 10, u = n % 10;
  std::string out;
  auto add = [&](const std::string& w) {
    if (!out.empty()) out += ' ';
    out += w;
  };
  if (inner || h > 0) {
    add(kDigits[h]);
    add("trăm");
  }
  if (t == 0 && u > 0 && (inner || h > 0)) add("linh");
  if (t == 1) add("mười");
  if (t >= 2) {
    add(kDigits[t]);
    add("mươi");
  }
  if (u == 1 && t >= 2)
    add("mốt");
  else if (u == 5 && t >= 1)
    add("lăm");
  else if (u > 0)
    add(kDigits[u]);
  return out;
}

}  // namespace

std::string vnd_in_words(Vnd amount) {
  if (amount <= 0) return "Không đồng";
  static const char* kUnits[] = {"", "nghìn", "triệu", "tỷ", "nghìn tỷ", "triệu tỷ", "tỷ tỷ"};
  std::vector<int> groups;
  for (Vnd v = amount; v > 0; v /= 1000) groups.push_back(static_cast<int>(v % 1000));
  std::string out;
  for (std::size_t i = groups.size(); i-- > 0;) {
    if (groups[i] == 0) continue;
    const bool inner = i + 1 < groups.size();
    if (!out.empty()) out += ' ';
    out += read_group(groups[i], inner);
    if (kUnits[i][0] != '\0') {
      out += ' ';
      out += kUnits[i];
    }
  }
  out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
  return out + " đồng";
}

}  // namespace kc

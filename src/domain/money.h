#pragma once
// Money is a whole number of đồng held in int64 — never floating point. The largest amount
// the program handles (a national plan of a few thousand billion đồng) is far below 2^63.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kc {

using Vnd = std::int64_t;

// "1.234.567.890 ₫" (dot thousands separators, a no-break space U+00A0 before ₫, as the
// browser's vi-VN number format writes it).
std::string format_vnd(Vnd amount);

// A count with dot thousands separators, as Vietnamese write it: 2000 -> "2.000".
std::string format_count(std::int64_t n);
// A short summary for dashboards: "120 tỷ đồng", "1,5 tỷ đồng", "850 triệu đồng", "5.000 đồng".
std::string format_vnd_short(Vnd amount);

// Parses an amount typed by a person or found in a spreadsheet: "1234567", "1.234.567",
// "1 234 567", optionally followed by "₫", "đ", "đồng" or "VND". Separators must group
// thousands ("1000.5" and "1.5" are refused, not read as 10005 or 15). No fractions, no sign:
// negative or fractional input gives nullopt.
std::optional<Vnd> parse_vnd(std::string_view text);

// a + b, or nullopt on overflow.
std::optional<Vnd> add_vnd(Vnd a, Vnd b);

// The amount read out in Vietnamese, as a contract writes it beside the figure:
// 120000000000 -> "Một trăm hai mươi tỷ đồng"; 1005000 -> "Một triệu không trăm linh năm nghìn
// đồng". Non-negative amounts.
std::string vnd_in_words(Vnd amount);

}  // namespace kc

#pragma once
// Text on the way in. Every text value the system accepts — API bodies, query parameters,
// imported cells — goes through clean_text, so that equal-looking values are equal bytes:
//   - Unicode NFC (NFD from macOS becomes precomposed: "e" + U+0302 + U+0301 -> "ế");
//   - invisible characters removed wherever they stand (zero-width space, ZWNJ, ZWJ, word
//     joiner, BOM, soft hyphen), so that "X" and "X" + U+200B are one code;
//   - every other space (no-break, ideographic, thin, tab, line breaks) becomes one ordinary
//     space; runs collapse; both ends are trimmed;
//   - other control characters (C0, DEL, C1) and the bidirectional controls that reorder
//     what a reader sees (U+200E/F, U+202A..E, U+2066..9, U+061C) are refused.
// A value made only of invisible characters becomes "", which required fields refuse.
#include <string>
#include <string_view>

#include "domain/error.h"

namespace kc {

// The cleaned text, or invalid_input whose message says what is wrong ("contains a control
// character (U+0000)", "is not valid UTF-8 text"), for the caller to put on its field.
Result<std::string> clean_text(std::string_view s);

// Text of several lines (an article's Markdown): each line cleaned as clean_text does, its
// leading spaces kept (tabs as four), CR LF and CR as LF, trailing blank lines dropped.
Result<std::string> clean_lines(std::string_view s);

// NFC only (composition of the Latin letters Vietnamese uses and their neighbours); invalid
// UTF-8 becomes U+FFFD.
std::string to_nfc(std::string_view s);

}  // namespace kc

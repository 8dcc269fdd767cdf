#pragma once
// The encodings offices' files really come in, turned into UTF-8 on the way in:
//   - a CSV in UTF-16 (with its byte-order mark) or in Windows-1252 instead of UTF-8;
//   - cells typed with the legacy Vietnamese fonts, TCVN3 (ABC, ".VnTime") and VNI-Windows
//     ("VNI-Times"), which reach a spreadsheet as the Windows-1252 characters of their bytes
//     ("Hµ Néi", "Haø Noäi" for "Hà Nội"). The tables are data/encodings/*.csv (compiled in;
//     see data/SOURCES.md). glibc's iconv "TCVN5712-1" is a different table (VN1) that turns
//     Windows punctuation into letters, so it is not used.
// A cell is converted only when it can be legacy text — it holds no character that only
// Unicode Vietnamese uses (ă đ ơ ư ĩ ũ and U+1EA0..U+1EF9) and every character has a
// Windows-1252 byte — and a reading through a table gives more well-formed Vietnamese
// syllables than the cell as it is (each word with a non-ASCII letter scores +1 when it is a
// syllable: one vowel nucleus of the language, at most one tone, a final consonant it has;
// -1 when not). So "Hµ Néi" and "Haø Noäi" become "Hà Nội", while "Tây Ninh", "hoà" or
// "Noël" stay. Known limits: the cell's font is not read (a TCVN3 cell in an all-capital
// ".VnTimeH" font converts to small letters), and a word of legacy text that happens to be
// a well-formed Unicode syllable as well is left as it is.
#include <optional>
#include <string>
#include <string_view>

#include "io/table.h"

namespace kc::io {

// The file's text as UTF-8: UTF-8 (a BOM dropped) as it is, UTF-16 LE/BE by its BOM, and any
// other bytes read as Windows-1252. `how` is set to "UTF-16" or "Windows-1252" when converted.
std::string file_text_as_utf8(std::string_view bytes, std::string& how);
// The same, in place: a file's text already in UTF-8 (nearly every file) is not copied.
void make_utf8(std::string& text, std::string& how);

struct LegacyText {
  std::string text;      // Unicode, NFC
  std::string encoding;  // "TCVN3" | "VNI"
};
// The cell converted, or nullopt when it is not legacy text.
std::optional<LegacyText> from_legacy(std::string_view cell);

// Converts every legacy cell of the table (header included) and notes each in table.notes.
void convert_legacy_cells(Table& table);

}  // namespace kc::io

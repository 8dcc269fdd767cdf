#pragma once
// CSV as RFC 4180 writes it: comma separated, fields with commas, quotes or line breaks in
// double quotes, "" for a quote inside. A UTF-8 byte-order mark at the start is skipped.
#include <string>
#include <string_view>
#include <vector>

#include "domain/error.h"
#include "io/table.h"

namespace kc::io {

// Parses a whole CSV text whose first record is the header. Line ends may be \r\n, \n or a
// lone \r. Short rows are padded with empty cells. Problems — a row longer than the header,
// a cell that is not UTF-8 (with a hint about legacy encodings), a header named twice, an
// unclosed quote — are reported as "row N, column C" (at most 100, then a count).
// Row numbers are the file's lines where each record starts.
Result<Table> parse_csv(std::string_view text);

// A cell as it may be written to a spreadsheet file: a leading = + - @ tab or CR gets a "'"
// (so that it is not run as a formula), bidirectional controls are dropped.
std::string spreadsheet_safe(std::string_view cell);
// The cell without bidirectional controls (which would reorder what a reader sees).
std::string without_bidi_controls(std::string_view cell);

// Appends one record (with the trailing "\r\n") to `out`, each field spreadsheet_safe.
void append_csv_record(std::string& out, const std::vector<std::string>& fields);

}  // namespace kc::io

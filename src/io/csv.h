#pragma once
// CSV as RFC 4180 writes it: comma separated, fields with commas, quotes or line breaks in
// double quotes, "" for a quote inside. A UTF-8 byte-order mark at the start is skipped.
#include <string>
#include <string_view>
#include <vector>

#include "domain/error.h"
#include "io/table.h"

namespace kc::io {

// Parses a whole CSV text whose first record is the header. Short rows are padded with empty
// cells; a row longer than the header, invalid UTF-8 or an unclosed quote is an error naming
// the row.
Result<Table> parse_csv(std::string_view text);

// Appends one record (with the trailing "\r\n") to `out`.
void append_csv_record(std::string& out, const std::vector<std::string>& fields);

}  // namespace kc::io

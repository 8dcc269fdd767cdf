#pragma once
// A sheet of text cells with a header row, as read from a CSV or XLSX file. Row numbers are
// the ones a person sees in a spreadsheet: the header is row 1, the first data row is row 2.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/error.h"

namespace kc::io {

struct Table {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;  // each as long as the header
  std::vector<size_t> row_numbers;  // the row (or line) of rows[i] in the file, when known
  // What was changed on the way in ("row 3, column title: converted from TCVN3"), for the
  // reader to report as warnings.
  std::vector<std::string> notes;

  // Index of the column with this header name, or nullopt.
  std::optional<size_t> column(std::string_view name) const;
  // Spreadsheet row number of rows[i].
  size_t row_number(size_t i) const { return i < row_numbers.size() ? row_numbers[i] : i + 2; }
};

// Reads a CSV, XLSX or legacy XLS file, chosen by its extension (.csv, .xlsx, .xls); `sheet`
// names the worksheet ("" = the first). Text in other encodings is converted on the way in
// (io/text_encoding.h), each conversion noted in `notes`.
Result<Table> read_table_file(const std::string& path, const std::string& sheet = "");

}  // namespace kc::io

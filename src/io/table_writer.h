#pragma once
// Writes a table row by row to a file, as CSV (UTF-8 with a BOM, spreadsheet-safe cells) or
// XLSX (libxlsxwriter in constant-memory mode: each row goes to disk as it is added, a bold
// frozen header, number cells with a thousands format). Memory does not grow with the rows.
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "domain/error.h"

namespace kc::io {

class TableWriter {
 public:
  virtual ~TableWriter() = default;
  virtual Status add_row(const std::vector<std::string>& cells) = 0;
  // Finishes the file; nothing may be added afterwards.
  virtual Status close() = 0;
};

// format: "csv" or "xlsx"; `number_columns` (XLSX) are written as numbers (integers, or with a
// fraction after a "." as in "1.5").
Result<std::unique_ptr<TableWriter>> open_table_writer(const std::string& path,
                                                       const std::string& format,
                                                       const std::string& sheet_name,
                                                       const std::vector<std::string>& header,
                                                       std::set<std::size_t> number_columns);

}  // namespace kc::io

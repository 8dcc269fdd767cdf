#pragma once
// A report as a book of typed tables: what the XLSX, PDF and CSV files of a report render, so
// that all of them say the same numbers. Each table has typed columns (text, count, money in
// whole đồng, rate as a fraction, date as YYYY-MM-DD) and may end with a totals row that the
// writer computes (XLSX: a SUM formula with its value cached; PDF: the sum). `figures` are the
// report's machine rows (section, dimension, key, measure, value), the CSV and a sheet of the
// workbook.
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "domain/error.h"

namespace kc::io {

enum class CellKind { text, count, money, rate, date };

struct BookColumn {
  std::string title;
  CellKind kind = CellKind::text;
  double width = 14;  // characters
};

// Empty (monostate), text (also a date's YYYY-MM-DD), an integer, or a fraction.
using BookCell = std::variant<std::monostate, std::string, std::int64_t, double>;

struct BookTable {
  std::string title;  // also the sheet's name (shortened to 31 characters)
  std::vector<BookColumn> columns;
  std::vector<std::vector<BookCell>> rows;
  // A last row "Tổng cộng" with the sums of the count and money columns.
  bool totals = false;
};

struct Book {
  std::string title;
  std::vector<std::string> subtitle;  // lines under the title (the scope, the data's time)
  std::vector<BookTable> tables;
  std::vector<std::vector<std::string>> figures;  // with the header row first
};

// The sum of a count or money column over the table's rows.
std::int64_t column_sum(const BookTable& t, std::size_t column);

// The workbook: one sheet per table (bold frozen header, đồng as #,##0, rates as 0.0%, dates
// as dd/mm/yyyy date cells, totals as formulas) and a last sheet "Số liệu" of the figures.
Status write_book_xlsx(const Book& b, const std::string& path);

}  // namespace kc::io

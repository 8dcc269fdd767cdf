#include "io/xls_reader.h"

#include <freexl.h>

#include <cmath>
#include <cstdio>
#include <memory>

namespace kc::io {
namespace {

constexpr unsigned int kMaxRows = 65'536;
constexpr unsigned short kMaxColumns = 256;

struct Closer {
  void operator()(const void* h) const { freexl_close(h); }
};
using Handle = std::unique_ptr<const void, Closer>;

std::string cell_text(const FreeXL_CellValue& v) {
  switch (v.type) {
    case FREEXL_CELL_INT:
      return std::to_string(v.value.int_value);
    case FREEXL_CELL_DOUBLE: {
      double d = v.value.double_value;
      char buf[40];
      if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 1e15)
        std::snprintf(buf, sizeof buf, "%.0f", d);
      else
        std::snprintf(buf, sizeof buf, "%.15g", d);
      return buf;
    }
    case FREEXL_CELL_TEXT:
    case FREEXL_CELL_SST_TEXT:
    case FREEXL_CELL_TIME:
      return v.value.text_value ? v.value.text_value : "";
    case FREEXL_CELL_DATE:
    case FREEXL_CELL_DATETIME:
      return std::string(v.value.text_value ? v.value.text_value : "").substr(0, 10);
    default:
      return "";
  }
}

Error unreadable(const std::string& path, const std::string& why) {
  return Error::invalid(path + ": " + why, {{"file", FieldCode::file_problem, {{"message", why}}}});
}

}  // namespace

Result<Table> read_xls(const std::string& path, const std::string& sheet) {
  const void* raw = nullptr;
  int opened = freexl_open(path.c_str(), &raw);
  Handle h(raw);  // freexl_open may hand back a half-built workbook with its error: freed too
  if (opened != FREEXL_OK)
    return std::unexpected(unreadable(path, "not a readable Excel 97-2003 (.xls) workbook"));
  unsigned int sheets = 0;
  if (freexl_get_info(raw, FREEXL_BIFF_SHEET_COUNT, &sheets) != FREEXL_OK || sheets == 0)
    return std::unexpected(unreadable(path, "the workbook has no worksheet"));
  unsigned short index = 0;
  if (!sheet.empty()) {
    bool found = false;
    for (unsigned short i = 0; i < sheets && !found; ++i) {
      const char* name = nullptr;
      if (freexl_get_worksheet_name(raw, i, &name) == FREEXL_OK && name && sheet == name)
        index = i, found = true;
    }
    if (!found) return std::unexpected(unreadable(path, "no worksheet named " + sheet));
  }
  unsigned int rows = 0;
  unsigned short cols = 0;
  if (freexl_select_active_worksheet(raw, index) != FREEXL_OK ||
      freexl_worksheet_dimensions(raw, &rows, &cols) != FREEXL_OK)
    return std::unexpected(unreadable(path, "cannot read the worksheet"));
  if (rows == 0) return std::unexpected(unreadable(path, "the worksheet is empty"));
  // The format's own bounds (BIFF8): a workbook declaring more is damaged, and its dimensions
  // must not decide how much memory is taken.
  if (rows > kMaxRows || cols > kMaxColumns)
    return std::unexpected(unreadable(path, "the worksheet declares " + std::to_string(rows) +
                                                " rows and " + std::to_string(cols) +
                                                " columns, more than an .xls can hold"));

  // Each row keeps its cells up to its last non-empty one: an empty sheet that declares the
  // largest dimensions stays small.
  std::vector<std::vector<std::string>> grid(rows);
  for (unsigned int r = 0; r < rows; ++r)
    for (unsigned short c = 0; c < cols; ++c) {
      FreeXL_CellValue v;
      if (freexl_get_cell_value(raw, r, c, &v) != FREEXL_OK)
        return std::unexpected(unreadable(path, "cannot read row " + std::to_string(r + 1) +
                                                    ", column " + std::to_string(c + 1)));
      std::string text = cell_text(v);
      if (text.empty()) continue;
      grid[r].resize(c + 1u);
      grid[r][c] = std::move(text);
    }
  auto at = [&grid](unsigned int r, unsigned short c) -> const std::string& {
    static const std::string empty;
    return c < grid[r].size() ? grid[r][c] : empty;
  };

  // Columns: those with a header; an empty header above data is an error.
  Table t;
  std::vector<unsigned short> keep;
  std::vector<FieldError> errors;
  for (unsigned short c = 0; c < cols; ++c) {
    bool data = false;
    for (unsigned int r = 1; r < rows && !data; ++r) data = !at(r, c).empty();
    if (!at(0, c).empty()) {
      keep.push_back(c);
      t.header.push_back(at(0, c));
    } else if (data) {
      errors.push_back({"row 1, column " + std::to_string(c + 1),
                        FieldCode::file_problem,
                        {{"message",
                          "the header cell is empty (merged header cells?); give "
                          "every column its own header"}}});
    }
  }
  if (!errors.empty())
    return std::unexpected(Error::invalid(path + ": the header row is incomplete", errors));
  for (unsigned int r = 1; r < rows; ++r) {
    std::vector<std::string> row;
    bool blank = true;
    for (auto c : keep) {
      row.push_back(at(r, c));
      blank &= at(r, c).empty();
    }
    if (blank) continue;
    t.rows.push_back(std::move(row));
    t.row_numbers.push_back(r + 1);
  }
  return t;
}

}  // namespace kc::io

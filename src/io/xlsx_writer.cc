#include "io/xlsx_writer.h"

#include <xlsxwriter.h>

#include <cstdlib>

#include "io/csv.h"

namespace kc::io {

Status write_xlsx(const std::string& path, const SheetData& data) {
  lxw_workbook* wb = workbook_new(path.c_str());
  if (!wb) return std::unexpected(Error::internal("cannot create " + path));
  lxw_worksheet* ws = workbook_add_worksheet(wb, data.sheet_name.c_str());
  lxw_format* bold = workbook_add_format(wb);
  format_set_bold(bold);
  lxw_format* money = workbook_add_format(wb);
  format_set_num_format(money, "#,##0");
  for (size_t c = 0; c < data.header.size(); ++c) {
    worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), data.header[c].c_str(), bold);
    worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), 18, nullptr);
  }
  worksheet_freeze_panes(ws, 1, 0);
  for (size_t r = 0; r < data.rows.size(); ++r) {
    auto row = static_cast<lxw_row_t>(r + 1);
    for (size_t c = 0; c < data.rows[r].size(); ++c) {
      const std::string& v = data.rows[r][c];
      auto col = static_cast<lxw_col_t>(c);
      if (data.integer_columns.contains(c) && !v.empty()) {
        worksheet_write_number(ws, row, col,
                               static_cast<double>(std::strtoll(v.c_str(), nullptr, 10)), money);
      } else {
        // Written as a string cell (never a formula), without bidirectional controls.
        worksheet_write_string(ws, row, col, without_bidi_controls(v).c_str(), nullptr);
      }
    }
  }
  lxw_error err = workbook_close(wb);
  if (err != LXW_NO_ERROR)
    return std::unexpected(Error::internal("cannot write " + path + ": " + lxw_strerror(err)));
  return {};
}

}  // namespace kc::io

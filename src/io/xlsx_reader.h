#pragma once
// Reads one worksheet of an XLSX workbook into a Table, with libexpat over minizip
// (io/zip_xml.h). The sheet is chosen by name (the first sheet by default). Cells become
// text: shared and inline strings as written; numbers as written, whole numbers without a
// decimal part ("1000000.0" -> "1000000"); cells with a date format (the workbook's 1900 or
// 1904 date system) as ISO dates; booleans as "true"/"false"; formulas by their cached
// value. An error cell (#N/A, #DIV/0!) is a problem of its row and column.
//
// Bounded: past 1,048,576 rows (Excel's own limit), a row numbered beyond it, more than
// 10,000 zip entries, a part inflating past 256 MB, cell text past 256 MB in all, or 60 s,
// the read stops with a clear too_large error instead of exhausting memory.
#include <string>

#include "io/table.h"
#include "io/zip_xml.h"

namespace kc::io {

struct XlsxOptions {
  std::string sheet;  // "" = the first sheet
  ZipLimits limits;
  std::size_t max_rows = 1'048'576;
  std::size_t max_text = std::size_t{256} << 20;  // bytes of cell text kept in all
};

Result<Table> read_xlsx(const std::string& path, const XlsxOptions& options = {});

// The date of an Excel serial day number in the 1900 (with its phantom 29/02/1900) or the
// 1904 date system, as ISO "YYYY-MM-DD"; "" when out of range.
std::string excel_serial_to_iso(long long serial, bool date1904);

}  // namespace kc::io

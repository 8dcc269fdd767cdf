#pragma once
// Legacy Excel 97–2003 workbooks (.xls, BIFF) through Debian's libfreexl: text comes out as
// UTF-8 (the workbook's code page applied), numbers as written (whole numbers without a
// decimal point), date cells as YYYY-MM-DD. A header cell left empty above data (what merged
// header cells leave behind) is an error naming its column; wholly empty columns are dropped.
#include <string>

#include "io/table.h"

namespace kc::io {

// `sheet`: the worksheet's name ("" = the first).
Result<Table> read_xls(const std::string& path, const std::string& sheet = "");

}  // namespace kc::io

#pragma once
// Reads the first worksheet of an XLSX workbook into a Table (cells as text: shared strings,
// inline strings and numbers as written). Formulas give their cached value.
#include <string>

#include "io/table.h"

namespace kc::io {

Result<Table> read_xlsx(const std::string& path);

}  // namespace kc::io

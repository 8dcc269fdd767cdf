#pragma once
// Writes one worksheet with a bold, frozen header row. Columns listed in `integer_columns`
// are written as numbers (money in đồng with a thousands format), the rest as text.
#include <set>
#include <string>
#include <vector>

#include "domain/error.h"

namespace kc::io {

struct SheetData {
  std::string sheet_name;
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  std::set<size_t> integer_columns;
};

Status write_xlsx(const std::string& path, const SheetData& data);

}  // namespace kc::io

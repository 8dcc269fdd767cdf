#include "io/table.h"

#include <fstream>
#include <sstream>

#include "io/csv.h"
#include "io/text_encoding.h"
#include "io/xls_isolated.h"
#include "io/xls_reader.h"
#include "io/xlsx_reader.h"

namespace kc::io {

std::optional<size_t> Table::column(std::string_view name) const {
  for (size_t i = 0; i < header.size(); ++i)
    if (header[i] == name) return i;
  return std::nullopt;
}

Result<Table> read_table_file(const std::string& path, const std::string& sheet) {
  if (path.ends_with(".xlsx")) {
    XlsxOptions options;
    options.sheet = sheet;
    auto t = read_xlsx(path, options);
    if (t) convert_legacy_cells(*t);
    return t;
  }
  if (path.ends_with(".xls")) {
    // In a child process when the binary can start itself (io/xls_isolated.h).
    auto t =
        xls_helper().empty() ? read_xls(path, sheet) : read_xls_isolated(xls_helper(), path, sheet);
    if (t) convert_legacy_cells(*t);
    return t;
  }
  if (!path.ends_with(".csv"))
    return std::unexpected(Error::unsupported(path + ": the file must end in .csv, .xlsx or .xls"));
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) return std::unexpected(Error::not_found(path + ": cannot open the file"));
  std::string text, how;
  if (auto size = in.tellg(); size > 0) {  // read at once into its place
    text.resize(static_cast<std::size_t>(size));
    in.seekg(0);
    in.read(text.data(), size);
    text.resize(static_cast<std::size_t>(in.gcount()));
  } else {  // empty, or not a file of known size (a pipe)
    in.clear();
    std::stringstream ss;
    ss << in.rdbuf();
    text = std::move(ss).str();
  }
  make_utf8(text, how);
  auto t = parse_csv(text);
  text = std::string();  // the cells hold their own copies
  if (!t) return t;
  if (!how.empty()) t->notes.push_back("the file was read as " + how + " and converted to UTF-8");
  convert_legacy_cells(*t);
  return t;
}

}  // namespace kc::io

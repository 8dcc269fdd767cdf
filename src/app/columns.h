#pragma once
// The one table of the spreadsheet columns of each register entity: its name, whether it is
// required, how a cell is read (into the API's JSON shape, so that the same strict codec and
// checks apply as for the API) and, for projects, how it is written. The importer, the
// exporter, the XLSX number columns and the README's column list (a test compares it with
// `columns_markdown()`) all come from here.
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "domain/field_error.h"
#include "domain/project.h"

namespace kc::app {

enum class ImportKind { organizations, facilities, projects, clusters };
// "organizations", "facilities", "projects", "clusters" (the provinces' cluster reports).
const char* kind_name(ImportKind kind);

// How a cell turns into JSON.
enum class Cell {
  text,
  integer,
  money,
  boolean,
  province_pair,
  provinces,
  id_list,
  outputs,
  flags,
  score,  // a decimal number: `78.35` or, as Vietnamese write it, `78,35`
  date    // text the codec reads (`YYYY-MM-DD`, `dd/mm/yyyy`), or an Excel serial day number
};

// What an exported project row needs besides the project.
struct ExportContext {
  const std::map<std::int64_t, std::string>& program_codes;
};

struct Column {
  const char* name;
  bool required;
  Cell cell;
  const char* doc;  // Markdown for the README, after the name
  // Projects only: the cell written for a project.
  std::function<std::string(const Project&, const ExportContext&)> write;
};

const std::vector<Column>& columns_of(ImportKind kind);

// The bad cells of a row: each FieldError's field is the column's name.
using CellErrors = std::vector<FieldError>;
// Puts one cell into j (an absent cell is left out; the codec reports it when required).
void put_cell(nlohmann::json& j, const Column& c, const std::string& raw, CellErrors& errors);

// A project as an export row, in the table's column order.
std::vector<std::string> project_cells(const Project& p, const ExportContext& ctx);
// Indexes of the project columns written as numbers (money and integers).
std::vector<std::size_t> project_number_columns();

// The README's "Import columns" list, generated from the table.
std::string columns_markdown();

}  // namespace kc::app

#pragma once
// Every report is written the same way: as a book of typed tables (io/report_book.h) that the
// CSV (its figures), the XLSX (a sheet per table and the figures) and the PDF (the tables on
// landscape A4, headers repeated across pages) render, so that the four formats of a report —
// with its JSON — say the same numbers.
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "app/exports.h"
#include "documents/document.h"
#include "io/report_book.h"
#include "store/db.h"

namespace kc::app {

// The formats a report is written in besides JSON.
inline constexpr const char* kReportFormats = "json, csv, xlsx, pdf";
bool is_report_format(const std::string& format);

// A cell as the PDF and the web page show it: "1.234.567", "99,6 %", "28/12/2017".
std::string book_cell_text(io::CellKind kind, const io::BookCell& v);

// The PDF's document: the title, the subtitle, then each table under its title.
documents::Document book_document(const io::Book& b);

// Writes the book to `path` as "csv" (its figures), "xlsx" or "pdf", for a download named
// `stem`.`format`; rows counts the figures.
Result<ExportResult> write_report_book(const io::Book& b, const std::string& format,
                                       const std::string& path, const std::string& stem);

// Names of a reference list by code ("contents", "regions", "provinces-2025", "indicators"...),
// in Vietnamese; the code itself when unknown.
class ReferenceNames {
 public:
  explicit ReferenceNames(store::Connection& db) : db_(db) {}
  Result<std::string> name(const std::string& list, const std::string& code,
                           const char* column = "name_vi");

 private:
  store::Connection& db_;
  std::map<std::string, nlohmann::json> lists_;
};

// A number of a report's JSON as an integer (0 when absent or null).
std::int64_t figure_int(const nlohmann::json& v);

// A table of groups ({key: {projects, plan_vnd, counterpart_vnd}}): code, name (from the
// reference `list`; kinds of project when null), projects, plan and counterpart, with totals.
Result<io::BookTable> groups_table(ReferenceNames& names, const nlohmann::json& groups,
                                   std::string title, const char* list, const char* heading);
// Outputs per indicator ({code: {planned, actual}}) in the indicators' order, with names and
// units.
Result<io::BookTable> outputs_table(store::Connection& db, const nlohmann::json& outputs);

}  // namespace kc::app

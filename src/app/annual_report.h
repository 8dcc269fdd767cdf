#pragma once
// The annual report of a program year, in the shape of the ministry's public record: the
// envelope and its decisions; projects planned, contracted and accepted; the completion rate;
// the plan's funds by content, kind (point, group), region and province; outputs per
// indicator, planned and accepted; counterpart funds mobilised per đồng of program funds; the
// industrial-cluster projects. Every figure is read from the records (decisions, contracts,
// acceptances), in the reader's scope. Keys are the codes of data/ (contents, regions,
// provinces, indicators); money is whole đồng; rates are fractions. docs/annual-report.schema.json
// describes it; `report_rows` flattens it for CSV as section,dimension,key,measure,value.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "app/exports.h"
#include "app/policy.h"
#include "io/report_book.h"
#include "store/db.h"
#include "store/report_facts.h"

namespace kc::app {

// `program` empty: every program of the year (national and local) summed. With `facts`
// (app/report_cache.h), the figures are read from them; the rest from db.
Result<nlohmann::json> annual_report(store::Connection& db, const Actor& a, int year,
                                     const std::string& program,
                                     const store::ReportFacts* facts = nullptr);

// The report as CSV rows: section, dimension, key, measure, value (with a header row).
std::vector<std::vector<std::string>> report_rows(const nlohmann::json& report);

// The report laid out as tables (app/annual_book.cc), its figures the report_rows.
Result<io::Book> annual_book(store::Connection& db, const nlohmann::json& report);

// The report written to `path` as "csv" (its figures), "xlsx" (its tables and figures) or
// "pdf" (its tables), through app/report_book.h.
Result<ExportResult> export_annual_report(store::Connection& db, const Actor& a, int year,
                                          const std::string& program, const std::string& format,
                                          const std::string& path,
                                          const store::ReportFacts* facts = nullptr);

}  // namespace kc::app

#pragma once
// A province's profile: everything the records hold about one province across the years,
// under the province set asked for — the 34 provinces (2025), where a merged province's
// earlier projects count through the merger mapping, or the 63 provinces (2008), which hold
// the projects recorded before the merger. A project counts in every province it spans. Year
// by year: projects, funds planned, contracted, disbursed and accepted, completion; over the
// years: the plan by content and the outputs per indicator. A province's officer reads their
// own province only (another is not found).
#include <nlohmann/json.hpp>
#include <string>

#include "app/exports.h"
#include "app/policy.h"
#include "io/report_book.h"
#include "store/db.h"
#include "store/report_facts.h"

namespace kc::app {

// set: "2025" | "2008".
Result<nlohmann::json> province_report(store::Connection& db, const Actor& a,
                                       const std::string& set, const std::string& province,
                                       const store::ReportFacts* facts = nullptr);
Result<io::Book> province_book(store::Connection& db, const nlohmann::json& report);
Result<ExportResult> export_province_report(store::Connection& db, const Actor& a,
                                            const std::string& set, const std::string& province,
                                            const std::string& format, const std::string& path,
                                            const store::ReportFacts* facts = nullptr);

}  // namespace kc::app

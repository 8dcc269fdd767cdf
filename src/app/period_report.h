#pragma once
// The multi-year report of a program period (data/program-periods.csv: the national program
// 2016–2020, 2021–2025, 2026–2030): year by year, the national (KCQG) and local (KCDP)
// programs side by side and summed (envelope, projects, plan, contracted, disbursed, accepted,
// completion), and the period's indicators — the targets of data/period-targets.csv against
// the actuals of the period's level by year, from the acceptance records only, with the
// previous period's actuals as the baseline (IATI's result/indicator: baseline, target, actual).
#include <nlohmann/json.hpp>
#include <string>

#include "app/exports.h"
#include "app/policy.h"
#include "io/report_book.h"
#include "store/db.h"
#include "store/report_facts.h"

namespace kc::app {

Result<nlohmann::json> period_report(store::Connection& db, const Actor& a,
                                     const std::string& period,
                                     const store::ReportFacts* facts = nullptr);
Result<io::Book> period_book(store::Connection& db, const nlohmann::json& report);
// format: csv | xlsx | pdf (app/report_book.h).
Result<ExportResult> export_period_report(store::Connection& db, const Actor& a,
                                          const std::string& period, const std::string& format,
                                          const std::string& path,
                                          const store::ReportFacts* facts = nullptr);

}  // namespace kc::app

#pragma once
// A province's registration report for a round: the proposals its department of industry and
// trade forwarded to the ministry (each with its unit, amounts and status now), their totals,
// and the province's results of the year before, from the execution records (planned,
// contracted, accepted, the completion rate). As JSON, or as a CSV/XLSX file in Vietnamese.
// Whoever reads plans: a province user only for its own province (404 for another).
#include <nlohmann/json.hpp>

#include "app/exports.h"
#include "app/policy.h"

namespace kc::app {

// `province`: a code of the 34 provinces (2025 set).
Result<nlohmann::json> registration_report(store::Connection& db, const Actor& a,
                                           std::int64_t round_id, const std::string& province);
// The same written to `path`; format: "csv" | "xlsx".
Result<ExportResult> export_registration_report(store::Connection& db, const Actor& a,
                                                std::int64_t round_id, const std::string& province,
                                                const std::string& format, const std::string& path);

}  // namespace kc::app

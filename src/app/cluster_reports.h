#pragma once
// The industrial clusters' reports (TT 14/2024/TT-BCT; domain/cluster_periods.h): a cluster's
// infrastructure investor reports each half year (kind "half", before 20 June) and each year
// (kind "year", before 20 December); the province records the report it received and then
// compiles its period, which writes the reported tenants, workers, leased land and wastewater
// works into the register and records the compilation. The department and the ministry see
// the national view: per province, the clusters that must report (established, expanded,
// operating), those that reported, late or not, and the figures.
//   record: {"cluster_id", "year", "kind", "received_on", "tenants", "tenant_reports"?,
//   "workers", "leased_land_ha", "wastewater_done"?, "investment_vnd"?, "note"?}; one per
//   cluster and period (422 already_reported); received_on within the period's window start
//   and today (422 outside_window); the leased land within the cluster's industrial land.
//   correct: the same figures with "version" (cluster, year and kind stay); a compiled report
//   returns to "received" until compiled again.
//   compile: {"year", "kind", "province"? (34-set code; a province: its own)}.
// Whoever reads the register reads the reports; the department records and compiles for every
// province, a province for its own (`manage_clusters`).
#include <nlohmann/json.hpp>

#include "app/policy.h"
#include "domain/list_query.h"
#include "store/cluster_report_repo.h"
#include "store/db.h"

namespace kc::app {

nlohmann::json cluster_report_view(const store::ClusterReport& r);
// Filters: year, kind, province, status (received | compiled), q (the cluster).
Result<nlohmann::json> list_cluster_reports(store::Connection& db, const Actor& a, ListQuery q);
// The national view of a period (year and kind required): {year, kind, window {from, to},
// due_on, provinces [...], totals {...}}; province narrows it to one.
Result<nlohmann::json> cluster_report_summary(store::Connection& db, const Actor& a, ListQuery q);
Result<nlohmann::json> cluster_report_json(store::Connection& db, const Actor& a, std::int64_t id);
Result<nlohmann::json> record_cluster_report(store::Connection& db, const Actor& a,
                                             const nlohmann::json& body);
Result<nlohmann::json> correct_cluster_report(store::Connection& db, const Actor& a,
                                              std::int64_t id, const nlohmann::json& body);
Result<nlohmann::json> compile_cluster_reports(store::Connection& db, const Actor& a,
                                               const nlohmann::json& body);

}  // namespace kc::app

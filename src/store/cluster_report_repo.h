#pragma once
// The industrial clusters' half-year and year reports and the provinces' compilations of them
// (migration 023). Callers run writes inside a Transaction; an update matches (id, version).
#include <optional>
#include <string>
#include <vector>

#include "domain/list_query.h"
#include "store/db.h"

namespace kc::store {

struct ClusterReport {
  std::int64_t id = 0, version = 0, cluster_id = 0, year = 0, recorded_by = 0;
  std::string province_2025, kind, due_on, received_on, note, status;  // received | compiled
  std::int64_t tenants = 0, tenant_reports = 0, workers = 0;
  std::int64_t leased = 0;  // hundredths of a hectare
  bool wastewater_done = false;
  std::int64_t investment_vnd = 0;
  // Read back from the register.
  std::string cluster_code, cluster_name;
  std::int64_t industrial_land = 0;
};

Result<ClusterReport> get_cluster_report(Connection& db, std::int64_t id);
Result<std::int64_t> insert_cluster_report(Connection& db, const ClusterReport& r);
// Writes the figures, received_on, note and status of r (r.version: the one read).
Status update_cluster_report(Connection& db, const ClusterReport& r);
// The id of the cluster's report for the period, if any.
Result<std::optional<std::int64_t>> cluster_report_of(Connection& db, std::int64_t cluster_id,
                                                      std::int64_t year, const std::string& kind);
// Filters: year, kind (half | year), province (34-set), status, q (the cluster's code and
// name); scope_province narrows. By province, then the cluster's code, newest period first.
Result<Page<ClusterReport>> list_cluster_reports(Connection& db, const ListQuery& q);
// A cluster's reports, newest first.
Result<std::vector<ClusterReport>> reports_of_cluster(Connection& db, std::int64_t cluster_id);
// The reports of a province's period still to compile.
Result<std::vector<ClusterReport>> reports_to_compile(Connection& db, const std::string& province,
                                                      std::int64_t year, const std::string& kind);
Status mark_compiled(Connection& db, std::int64_t report_id);

// One province's period: its clusters that must report (established, expanded, operating),
// those that reported and late, the reported figures summed, and its compilation if any.
struct ProvincePeriod {
  std::string province_2025;
  std::int64_t clusters = 0, reported = 0, late = 0, compiled = 0;
  std::int64_t industrial_land = 0, leased = 0, tenants = 0, workers = 0, investment_vnd = 0;
  std::string compiled_on;  // empty: never compiled
};
// Every province with such clusters (or only `province` when not empty).
Result<std::vector<ProvincePeriod>> period_by_province(Connection& db, std::int64_t year,
                                                       const std::string& kind,
                                                       const std::string& province);
Status save_compilation(Connection& db, const ProvincePeriod& p, std::int64_t year,
                        const std::string& kind, const std::string& on, std::int64_t by);

}  // namespace kc::store

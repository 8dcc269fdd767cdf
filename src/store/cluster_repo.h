#pragma once
// The register of industrial clusters and the plan's projects that supported them (migration
// 020). Callers run writes inside a Transaction; an update matches (id, version).
#include <string>
#include <vector>

#include "domain/list_query.h"
#include "domain/project.h"
#include "store/db.h"
#include "store/reference_repo.h"

namespace kc::store {

struct Cluster {
  std::int64_t id = 0, version = 0;
  std::string code, name, commune, status, established_on, investor, plan_approved_on;
  ProvinceRef province;
  std::string province_2025, region_code;  // derived (read back)
  bool special_area = false, demand_exceeds_land = false;
  bool roads_done = false, water_done = false, wastewater_done = false;
  std::int64_t area = 0, industrial_land = 0, leased = 0;  // hundredths of a hectare
  std::int64_t tenants = 0, workers = 0;
};

Result<Cluster> get_cluster(Connection& db, std::int64_t id);
Result<std::int64_t> insert_cluster(Connection& db, const Cluster& c, const ProvinceFacts& pf);
Status update_cluster(Connection& db, const Cluster& c, const ProvinceFacts& pf);
// Filters: province/province_set, region, status, q. By province, then code.
Result<Page<Cluster>> list_clusters(Connection& db, const ListQuery& q);
struct ClusterTotals {
  std::int64_t clusters = 0, area = 0, industrial_land = 0, leased = 0, tenants = 0, workers = 0;
  std::vector<std::pair<std::string, std::int64_t>> by_province;  // 34-set code, clusters
};
Result<ClusterTotals> cluster_totals(Connection& db, const ListQuery& q);
// The established clusters of a province other than `except_id`: how many, their land, and the
// mean of their occupancy rates.
struct OtherClusters {
  std::int64_t count = 0, industrial_land = 0, leased = 0;
  double average_occupancy_pct = 0;
};
Result<OtherClusters> other_clusters(Connection& db, const std::string& province_2025,
                                     std::int64_t except_id);
// The figures a compiled report brings into the register (the version moves on).
Status apply_reported_figures(Connection& db, std::int64_t id, std::int64_t tenants,
                              std::int64_t workers, std::int64_t leased, bool wastewater_done);
Result<bool> cluster_code_taken(Connection& db, const std::string& code, std::int64_t except_id);

Status link_cluster_project(Connection& db, std::int64_t cluster_id, std::int64_t project_id);
struct ClusterProject {
  std::int64_t project_id = 0, year = 0;
  std::string code, title, content_code;
  std::vector<std::string> indicators;  // its planned outputs' indicators
};
Result<std::vector<ClusterProject>> cluster_projects(Connection& db, std::int64_t cluster_id);

}  // namespace kc::store

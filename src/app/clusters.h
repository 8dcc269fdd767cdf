#pragma once
// The register of industrial clusters (cụm công nghiệp): each cluster's place, status, areas
// (hectares, two decimals), land leased, investor, detailed plan, essential infrastructure,
// tenants and workers, with the checks of the rules as flags (domain/cluster_checks.h) and the
// plan's projects that supported it.
//   body: {"code", "name", "province" {set, code}, "commune"?, "status":
//   in_list|established|expanded|operating, "established_on"?, "special_area"?, "area_ha",
//   "industrial_land_ha", "leased_land_ha", "demand_exceeds_land"?, "investor"?,
//   "plan_approved_on"?, "roads_done"?, "water_done"?, "wastewater_done"?, "tenants"?,
//   "workers"?, "project_ids"? (create only), "version" (updates)}. Leased land may not exceed
// the industrial land, nor that the area (422).
// Whoever reads the register reads clusters; the department writes every one, a province its
// own (`manage_clusters`).
#include <nlohmann/json.hpp>

#include "app/policy.h"
#include "domain/list_query.h"
#include "store/db.h"

namespace kc::app {

// The page with the filter's totals ({"totals": {clusters, area_ha, industrial_land_ha,
// leased_land_ha, occupancy_pct, tenants, workers}}).
Result<nlohmann::json> list_clusters(store::Connection& db, const Actor& a, ListQuery q);
// One cluster with its `checks` and `projects`.
Result<nlohmann::json> cluster_json(store::Connection& db, const Actor& a, std::int64_t id);
Result<nlohmann::json> create_cluster(store::Connection& db, const Actor& a,
                                      const nlohmann::json& body);
Result<nlohmann::json> update_cluster(store::Connection& db, const Actor& a, std::int64_t id,
                                      const nlohmann::json& body);

}  // namespace kc::app

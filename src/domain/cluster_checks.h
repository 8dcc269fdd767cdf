#pragma once
// The rules an industrial cluster (CCN) is checked against, as flags the department sees, not
// refusals: its size (NĐ 68/2017, NĐ 32/2024: 10–75 ha; 5 ha in a mountainous district or a
// craft-village cluster under the earlier rule), establishing a new cluster where the province
// has clusters (their average occupancy above 50 %, or their unleased industrial land at most
// 100 ha), and expanding one (occupancy at least 60 % or demand above the land available; the
// essential infrastructure finished; the total within 75 ha). The numbers are dated settings
// in force on the cluster's establishment date (today for one not yet established); a rule not
// in force then is not applied, so older clusters keep what earlier rules allowed.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kc {

struct ClusterFacts {
  std::string status;  // in_list | established | expanded | operating
  bool special_area = false;
  std::int64_t area = 0, industrial_land = 0, leased = 0;  // hundredths of a hectare
  bool demand_exceeds_land = false, roads = false, water = false, wastewater = false;
};

// The province's other established clusters.
struct ProvinceClusters {
  std::int64_t count = 0;
  std::int64_t industrial_land = 0, leased = 0;  // summed, hundredths of a hectare
  double average_occupancy_pct = 0;              // the mean of their occupancy rates
};

// Settings in force on the date that matters (nullopt: no rule then).
struct ClusterRules {
  std::optional<std::int64_t> min_ha, min_ha_exception, max_ha;
  std::optional<std::int64_t> new_min_occupancy_pct, new_max_unleased_ha, expand_min_occupancy_pct;
};

struct ClusterCheck {
  std::string code;  // area | establishment | expansion_occupancy | expansion_infrastructure
  bool ok = true;
  std::vector<std::pair<std::string, std::string>> params;  // the figures it compared
};

// The cluster's occupancy in per cent (leased / industrial land; 0 without industrial land).
double occupancy_pct(std::int64_t leased, std::int64_t industrial_land);
std::vector<ClusterCheck> check_cluster(const ClusterFacts& c, const ProvinceClusters& others,
                                        const ClusterRules& rules);
// "45,5" style hectares from hundredths (Vietnamese decimal comma, no trailing zeros).
std::string hectares(std::int64_t centiha);

}  // namespace kc

#include "domain/cluster_checks.h"

#include <cstdio>

namespace kc {

double occupancy_pct(std::int64_t leased, std::int64_t industrial_land) {
  return industrial_land > 0
             ? 100.0 * static_cast<double>(leased) / static_cast<double>(industrial_land)
             : 0.0;
}

std::string hectares(std::int64_t centiha) {
  std::string out = std::to_string(centiha / 100);
  std::int64_t rest = centiha % 100;
  if (rest == 0) return out;
  char frac[4];
  std::snprintf(frac, sizeof frac, "%02lld", static_cast<long long>(rest));
  std::string f = frac;
  if (f.back() == '0') f.pop_back();
  return out + "," + f;
}

namespace {

std::string pct(double v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  std::string s = buf;
  for (auto& ch : s)
    if (ch == '.') ch = ',';
  return s;
}

}  // namespace

std::vector<ClusterCheck> check_cluster(const ClusterFacts& c, const ProvinceClusters& others,
                                        const ClusterRules& rules) {
  std::vector<ClusterCheck> out;
  if (rules.min_ha || rules.max_ha) {
    std::int64_t min = rules.min_ha.value_or(0);
    if (c.special_area && rules.min_ha_exception) min = *rules.min_ha_exception;
    std::int64_t max = rules.max_ha.value_or(0);
    bool ok = c.area >= min * 100 && (max == 0 || c.area <= max * 100);
    out.push_back(
        {"area",
         ok,
         {{"area", hectares(c.area)}, {"min", std::to_string(min)}, {"max", std::to_string(max)}}});
  }
  const bool fresh = c.status == "in_list" || c.status == "established";
  if (fresh && others.count > 0 && rules.new_min_occupancy_pct && rules.new_max_unleased_ha) {
    const std::int64_t unleased = others.industrial_land - others.leased;
    bool ok = others.average_occupancy_pct > static_cast<double>(*rules.new_min_occupancy_pct) ||
              unleased <= *rules.new_max_unleased_ha * 100;
    out.push_back({"establishment",
                   ok,
                   {{"clusters", std::to_string(others.count)},
                    {"occupancy", pct(others.average_occupancy_pct)},
                    {"min_occupancy", std::to_string(*rules.new_min_occupancy_pct)},
                    {"unleased", hectares(unleased)},
                    {"max_unleased", std::to_string(*rules.new_max_unleased_ha)}}});
  }
  if (c.status == "expanded" && rules.expand_min_occupancy_pct) {
    double occ = occupancy_pct(c.leased, c.industrial_land);
    out.push_back(
        {"expansion_occupancy",
         occ >= static_cast<double>(*rules.expand_min_occupancy_pct) || c.demand_exceeds_land,
         {{"occupancy", pct(occ)},
          {"min_occupancy", std::to_string(*rules.expand_min_occupancy_pct)}}});
    out.push_back({"expansion_infrastructure", c.roads && c.water && c.wastewater, {}});
  }
  return out;
}

}  // namespace kc

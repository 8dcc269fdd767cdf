// The industrial-cluster rules as flags: size with the earlier rule's exception, establishment
// against the province's other clusters, expansion's occupancy and infrastructure; a rule not
// in force (nullopt) is not applied.
#include "domain/cluster_checks.h"
#include "domain/cluster_periods.h"

#include <gtest/gtest.h>

#include <map>

namespace kc {
namespace {

const ClusterRules kRules{10, 5, 75, 50, 100, 60};

std::map<std::string, bool> flags(const ClusterFacts& c, const ProvinceClusters& o,
                                  const ClusterRules& r = kRules) {
  std::map<std::string, bool> out;
  for (const auto& check : check_cluster(c, o, r)) out[check.code] = check.ok;
  return out;
}

TEST(ClusterChecks, SizeWithTheExceptionForSpecialAreas) {
  ClusterFacts c{"established", false, 800, 500, 100};
  EXPECT_FALSE(flags(c, {})["area"]);  // 8 ha < 10
  c.special_area = true;
  EXPECT_TRUE(flags(c, {})["area"]);  // the 5 ha exception
  ClusterRules none = kRules;
  none.min_ha_exception.reset();  // the exception not in force
  EXPECT_FALSE(flags(c, {}, none)["area"]);
  c.area = 7600;
  EXPECT_FALSE(flags(c, {})["area"]);  // above 75 ha
}

TEST(ClusterChecks, ANewClusterNeedsOccupiedOrSmallUnleasedLand) {
  ClusterFacts c{"in_list", false, 5000, 3500, 0};
  EXPECT_EQ(flags(c, {}).count("establishment"), 0u);  // no cluster yet in the province
  ProvinceClusters busy{3, 30000, 18000, 55.0};        // 120 ha unleased, but 55 % > 50 %
  EXPECT_TRUE(flags(c, busy)["establishment"]);
  ProvinceClusters idle{3, 30000, 12000, 40.0};  // 180 ha unleased, 40 %
  EXPECT_FALSE(flags(c, idle)["establishment"]);
  ProvinceClusters small{2, 12000, 3000, 25.0};  // 90 ha unleased
  EXPECT_TRUE(flags(c, small)["establishment"]);
  ClusterRules earlier = kRules;
  earlier.new_min_occupancy_pct.reset();  // established under earlier rules: not applied
  EXPECT_EQ(flags(c, idle, earlier).count("establishment"), 0u);
}

TEST(ClusterChecks, AnExpansionNeedsOccupancyOrDemandAndFinishedWorks) {
  ClusterFacts c{"expanded", false, 6000, 4000, 2000, false, true, true, true};
  auto f = flags(c, {});
  EXPECT_FALSE(f["expansion_occupancy"]);  // 50 % < 60 %
  EXPECT_TRUE(f["expansion_infrastructure"]);
  c.demand_exceeds_land = true;
  c.wastewater = false;
  f = flags(c, {});
  EXPECT_TRUE(f["expansion_occupancy"]);
  EXPECT_FALSE(f["expansion_infrastructure"]);
}

TEST(ClusterChecks, HectaresInVietnamese) {
  EXPECT_EQ(hectares(4550), "45,5");
  EXPECT_EQ(hectares(4500), "45");
  EXPECT_EQ(hectares(4507), "45,07");
  EXPECT_DOUBLE_EQ(occupancy_pct(1, 4), 25.0);
  EXPECT_DOUBLE_EQ(occupancy_pct(1, 0), 0.0);
}

}  // namespace
}  // namespace kc

namespace kc {
namespace {

TEST(ClusterPeriods, WindowsAndDeadlinesOfTheRules) {
  const ClusterReportDays days;
  auto half = cluster_period(2026, ClusterPeriodKind::half, days);
  ASSERT_TRUE(half);
  EXPECT_EQ(to_iso(half->from), "2025-12-15");
  EXPECT_EQ(to_iso(half->to), "2026-06-14");
  EXPECT_EQ(to_iso(half->due), "2026-06-20");
  auto year = cluster_period(2026, ClusterPeriodKind::year, days);
  ASSERT_TRUE(year);
  EXPECT_EQ(to_iso(year->from), "2025-12-15");
  EXPECT_EQ(to_iso(year->to), "2026-12-14");
  EXPECT_EQ(to_iso(year->due), "2026-12-20");
}

TEST(ClusterPeriods, ASettingThatIsNoDayIsRefused) {
  ClusterReportDays days;
  days.half_due = "02-30";
  EXPECT_FALSE(cluster_period(2026, ClusterPeriodKind::half, days));
  days.half_due = "06-10";  // before the window ends
  EXPECT_FALSE(cluster_period(2026, ClusterPeriodKind::half, days));
  EXPECT_EQ(parse_period_kind("year"), ClusterPeriodKind::year);
  EXPECT_FALSE(parse_period_kind("quarter"));
}

}  // namespace
}  // namespace kc

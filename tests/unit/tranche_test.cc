// Yearly tranches of multi-year point projects.
#include <gtest/gtest.h>

#include "domain/tranche.h"

namespace kc {
namespace {

Vnd sum(const std::vector<Tranche>& ts) {
  Vnd s = 0;
  for (const auto& t : ts) s += t.amount;
  return s;
}

TEST(Tranches, SpreadEvenlyInMillionsWithTheRestInTheLastYear) {
  auto ts = yearly_tranches(2'500'500'000, 2019, 2021);
  ASSERT_EQ(ts.size(), 3u);
  EXPECT_EQ(ts[0], (Tranche{2019, 833'000'000}));
  EXPECT_EQ(ts[1], (Tranche{2020, 833'000'000}));
  EXPECT_EQ(ts[2], (Tranche{2021, 834'500'000}));
  EXPECT_EQ(sum(ts), 2'500'500'000);
  EXPECT_EQ(yearly_tranches(700'000'000, 2019, 2019), (std::vector<Tranche>{{2019, 700'000'000}}));
  EXPECT_EQ(yearly_tranches(700'000'000, 2019, 2018), (std::vector<Tranche>{{2019, 700'000'000}}));
}

TEST(Tranches, APartlyFundedFirstYearScalesTheLaterOnes) {
  auto ts = scaled_tranches(yearly_tranches(3'000'000'000, 2019, 2020), 1'200'000'000);
  EXPECT_EQ(ts, (std::vector<Tranche>{{2019, 1'200'000'000}, {2020, 1'200'000'000}}));
  auto odd = scaled_tranches({{2019, 3}, {2020, 7}}, 2);
  EXPECT_EQ(odd[1].amount, 4);  // 7 × 2 / 3, rounded down
  // Amounts whose product passes 2^63 still scale exactly.
  auto big = scaled_tranches({{2019, 900'000'000'000}, {2020, 900'000'000'001}}, 899'999'999'999);
  EXPECT_EQ(big[1].amount, 899'999'999'999);  // 900,000,000,001 − 1.000…001, rounded down
  EXPECT_EQ(scaled_tranches({{2019, 0}, {2020, 5}}, 0)[1].amount, 0);
}

}  // namespace
}  // namespace kc

// The proposal dossier's rules: computed totals, its shape, and the support ceilings.
#include <gtest/gtest.h>

#include <limits>

#include "domain/dossier.h"
#include "domain/support_ceiling.h"

namespace kc {
namespace {

bool has(const std::vector<FieldError>& errors, const std::string& field, FieldCode code) {
  for (const auto& e : errors)
    if (e.field == field && e.code == code) return true;
  return false;
}

TEST(Dossier, TotalsAreTheItemsSums) {
  std::vector<CostItem> items{{"equipment", "Máy", 300'000'000, 450'000'000},
                              {"training", "Tập huấn", 45'500'000, 0}};
  auto t = totals_of(items);
  ASSERT_TRUE(t);
  EXPECT_EQ(t->program_vnd, 345'500'000);
  EXPECT_EQ(t->counterpart_vnd, 450'000'000);
  EXPECT_EQ(t->total_vnd, 795'500'000);
  EXPECT_EQ(totals_of({})->total_vnd, 0);
  Vnd big = std::numeric_limits<Vnd>::max() / 2 + 1;
  EXPECT_FALSE(totals_of({{"other", "a", big, 0}, {"other", "b", big, 0}}));
  EXPECT_FALSE(totals_of({{"other", "a", big, big}}));
}

TEST(Dossier, ShapeRulesNameTheField) {
  Date start{2019, 3, 1}, end{2019, 11, 30};
  Dossier d;
  d.milestones = {{{2019, 6, 30}, "Lắp đặt"}, {{2020, 1, 10}, "Sau hạn"}, {{2019, 2, 28}, " "}};
  d.cost_items = {{"travel", "Đi lại", 1, 0}, {"equipment", "", -1, -2}};
  auto errors = validate(d, start, end);
  EXPECT_FALSE(has(errors, "milestones/0/date", FieldCode::outside_period));
  EXPECT_TRUE(has(errors, "milestones/1/date", FieldCode::outside_period));
  EXPECT_TRUE(has(errors, "milestones/2/date", FieldCode::outside_period));
  EXPECT_TRUE(has(errors, "milestones/2/description", FieldCode::not_empty));
  EXPECT_TRUE(has(errors, "cost_items/0/category", FieldCode::one_of));
  EXPECT_TRUE(has(errors, "cost_items/1/description", FieldCode::not_empty));
  EXPECT_TRUE(has(errors, "cost_items/1/program_vnd", FieldCode::negative));
  EXPECT_TRUE(has(errors, "cost_items/1/counterpart_vnd", FieldCode::negative));
  // The boundary days are inside the period; a clean dossier has no error.
  Dossier ok;
  ok.milestones = {{start, "Khởi công"}, {end, "Nghiệm thu"}};
  ok.cost_items = {{"equipment", "Máy", 1, 1}};
  EXPECT_TRUE(validate(ok, start, end).empty());
  ok.objectives = std::string(20001, 'a');
  EXPECT_TRUE(has(validate(ok, start, end), "objectives", FieldCode::too_long));
}

TEST(SupportCeiling, TheLesserOfTheShareAndTheAmountPerUnit) {
  CeilingRule model{"per model", 3000, 1'000'000'000};
  // 30 % of 3 billion is 900 million, below the 1 billion per model.
  EXPECT_EQ(ceiling_for(model, 3'000'000'000, 1, 0), 900'000'000);
  // 30 % of 5 billion is 1.5 billion: one model caps it at 1 billion, two at 1.5 billion.
  EXPECT_EQ(ceiling_for(model, 5'000'000'000, 1, 0), 1'000'000'000);
  EXPECT_EQ(ceiling_for(model, 5'000'000'000, 2, 7), 1'500'000'000);
  EXPECT_EQ(ceiling_for(model, 5'000'000'000, 0, 0), 1'000'000'000);  // at least once
  CeilingRule machinery{"per facility", 5000, 300'000'000};
  EXPECT_EQ(ceiling_for(machinery, 2'000'000'000, 3, 2), 600'000'000);
  EXPECT_EQ(ceiling_for(machinery, 2'000'000'000, 3, 0), 300'000'000);
  CeilingRule flat{"per enterprise", 0, 10'000'000};
  EXPECT_EQ(ceiling_for(flat, 0, 0, 4), 40'000'000);
  // No overflow, however large the counts.
  Vnd max = std::numeric_limits<Vnd>::max();
  EXPECT_EQ(ceiling_for({"per facility", 0, max / 2}, 0, 0, 1'000'000), max);
  EXPECT_EQ(ceiling_for({"per model", 10000, max}, max, 1, 0), max);
}

}  // namespace
}  // namespace kc

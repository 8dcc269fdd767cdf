// The proposal workflow's steps and the appraisal's aggregation rules (domain/).
#include <gtest/gtest.h>

#include "domain/appraisal.h"
#include "domain/workflow.h"

namespace kc {
namespace {

std::string to(const char* action, const char* from, bool via_province = true) {
  const Step* s = step_from(action, from, via_province);
  return s ? std::string(s->to) : "(illegal)";
}

TEST(Workflow, TheProvinceRouteRunsThroughBothLevels) {
  EXPECT_EQ(to("submit", "draft"), "submitted");
  EXPECT_EQ(to("return", "submitted"), "returned");
  EXPECT_EQ(to("submit", "returned"), "submitted");
  EXPECT_EQ(to("start_province_appraisal", "submitted"), "province_appraisal");
  EXPECT_EQ(to("forward", "province_appraisal"), "forwarded");
  EXPECT_EQ(to("not_forward", "province_appraisal"), "not_forwarded");
  EXPECT_EQ(to("start_ministry_appraisal", "forwarded"), "ministry_appraisal");
  EXPECT_EQ(to("pass", "ministry_appraisal"), "passed");
  EXPECT_EQ(to("fail", "ministry_appraisal"), "failed");
}

TEST(Workflow, CentralUnitsGoStraightToTheMinistry) {
  EXPECT_FALSE(goes_via_province("regional_center"));
  EXPECT_FALSE(goes_via_province("ministry_unit"));
  EXPECT_TRUE(goes_via_province("provincial_center"));
  EXPECT_EQ(to("start_ministry_appraisal", "submitted", false), "ministry_appraisal");
  EXPECT_EQ(to("start_ministry_appraisal", "submitted", true), "(illegal)")
      << "a province's proposal is appraised by the province first";
  EXPECT_EQ(to("start_province_appraisal", "submitted", false), "(illegal)");
}

TEST(Workflow, OutOfOrderStepsAreIllegal) {
  EXPECT_EQ(to("forward", "submitted"), "(illegal)");
  EXPECT_EQ(to("pass", "forwarded"), "(illegal)");
  EXPECT_EQ(to("submit", "passed"), "(illegal)");
  EXPECT_EQ(to("no_such_action", "draft"), "(illegal)");
}

TEST(Workflow, WithdrawOnlyBeforeADecision) {
  for (auto s : {"draft", "submitted", "returned", "province_appraisal", "forwarded",
                 "ministry_appraisal", "passed", "failed"})
    EXPECT_EQ(to("withdraw", s), "withdrawn") << s;
  for (auto s : {"approved", "contracted", "in_progress", "completed", "cancelled", "withdrawn"})
    EXPECT_EQ(to("withdraw", s), "(illegal)") << s;
}

TEST(Workflow, ReasonsAndPartiesAreDeclared) {
  EXPECT_TRUE(find_step("return")->needs_reason);
  EXPECT_TRUE(find_step("not_forward")->needs_reason);
  EXPECT_TRUE(find_step("fail")->needs_reason);
  EXPECT_FALSE(find_step("submit")->needs_reason);
  EXPECT_FALSE(find_step("pass")->parties & static_cast<unsigned>(Party::owner))
      << "a filer cannot pass its own proposal";
  EXPECT_TRUE(find_step("forward")->parties & static_cast<unsigned>(Party::province_office));
}

TEST(Workflow, WhoMayEditWhen) {
  EXPECT_TRUE(filer_may_edit("returned"));
  EXPECT_FALSE(filer_may_edit("province_appraisal"));
  EXPECT_TRUE(department_may_edit("ministry_appraisal"));
  EXPECT_FALSE(department_may_edit("completed"));
}

std::vector<Criterion> two() {
  return {{"a", "A", 60, 30}, {"b", "B", 40, std::nullopt}};
}

ScoreSheet sheet(std::int64_t user, std::int64_t a, std::int64_t b, bool conflict = false) {
  ScoreSheet s{1, 9, user, conflict, {}, {}};
  if (!conflict) s.lines = {{"a", a, {}}, {"b", b, {}}};
  return s;
}

TEST(Aggregation, MeanOfCompleteSheetsWithoutConflicts) {
  ScoreSheet partial{1, 9, 4, false, {}, {{"a", 60, {}}}};
  auto g = aggregate(9, {sheet(1, 40, 20), sheet(2, 50, 30), sheet(3, 0, 0, true), partial}, two(),
                     {50, false, 20});
  EXPECT_EQ(g.assigned, 4);
  EXPECT_EQ(g.conflicts, 1);
  EXPECT_EQ(g.counted, 2);
  EXPECT_EQ(g.sum, 140);
  EXPECT_DOUBLE_EQ(g.score, 70);
  EXPECT_EQ(g.spread, 20);
  EXPECT_TRUE(g.passed);
}

TEST(Aggregation, PassMarkAndFloors) {
  auto low = aggregate(9, {sheet(1, 30, 19)}, two(), {50, false, 20});
  EXPECT_FALSE(low.passed) << "49 < 50";
  auto exact = aggregate(9, {sheet(1, 30, 20)}, two(), {50, false, 20});
  EXPECT_TRUE(exact.passed) << "the pass mark is reached at 50";
  auto floor = aggregate(9, {sheet(1, 29, 40)}, two(), {50, false, 20});
  EXPECT_FALSE(floor.passed) << "69 points but criterion a under its floor of 30";
  EXPECT_EQ(floor.floors_missed, std::vector<std::string>{"a"});
  auto none = aggregate(9, {sheet(1, 0, 0, true)}, two(), {50, false, 20});
  EXPECT_FALSE(none.scored);
  EXPECT_FALSE(none.passed);
}

TEST(Aggregation, TrimmingNeedsFiveSheetsAndOutliersAreFlagged) {
  std::vector<ScoreSheet> five{sheet(1, 60, 40), sheet(2, 40, 30), sheet(3, 40, 30),
                               sheet(4, 40, 30), sheet(5, 10, 0)};
  auto trimmed = aggregate(9, five, two(), {50, true, 20});
  EXPECT_EQ(trimmed.used, 3);
  EXPECT_EQ(trimmed.sum, 210);
  auto plain = aggregate(9, five, two(), {50, false, 20});
  EXPECT_EQ(plain.used, 5);
  EXPECT_EQ(plain.sum, 320);  // mean 64: 100 and 10 are further than 20 from it
  EXPECT_EQ(plain.outliers, (std::vector<std::int64_t>{1, 5}));
  std::vector<ScoreSheet> four(five.begin(), five.begin() + 4);
  EXPECT_EQ(aggregate(9, four, two(), {50, true, 20}).used, 4) << "no trimming under five";
}

TEST(Ranking, ScoreThenSmallerRequestThenCode) {
  auto agg = [](std::int64_t sum, int used, bool scored = true) {
    Aggregate a;
    a.sum = sum, a.used = used, a.scored = scored;
    return a;
  };
  std::vector<RankInput> items{{agg(140, 2), 500, "C"},     // 70
                               {agg(210, 3), 400, "B"},     // 70, smaller request
                               {agg(0, 0, false), 1, "A"},  // not scored: last
                               {agg(71, 1), 900, "D"},      // 71
                               {agg(210, 3), 400, "A"}};    // ties with B: code
  auto order = rank_order(items);
  std::vector<std::string> codes;
  for (auto i : order) codes.push_back(items[i].code);
  EXPECT_EQ(codes, (std::vector<std::string>{"D", "A", "B", "C", "A"}));
  EXPECT_FALSE(items[order.back()].aggregate.scored);
}

}  // namespace
}  // namespace kc

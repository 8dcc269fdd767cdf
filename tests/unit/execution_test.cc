// The rules of execution as pure functions: what a payment may be, when a contract settles,
// when a contract is behind schedule, and the project status that follows a contract's.
#include <gtest/gtest.h>

#include "domain/execution.h"

namespace kc {
namespace {

PaymentFacts facts(Vnd value = 100'000'000) {
  PaymentFacts f;
  f.contract_status = "signed";
  f.value = value;
  f.rule = {"advance_share.training", 7000, 0, "TT 36/2013/TT-BCT"};
  return f;
}

TEST(Payments, AnAdvanceUpToTheRuleSharePassesAndOneMoreDongDoesNot) {
  auto f = facts();
  EXPECT_FALSE(payment_refusal(f, "advance", 70'000'000));
  auto no = payment_refusal(f, "advance", 70'000'001);
  ASSERT_TRUE(no);
  EXPECT_EQ(no->code, "advance_rule");
  EXPECT_NE(no->message.find("advance_share.training"), std::string::npos) << no->message;
  f.ledger.advanced = 60'000'000;
  EXPECT_TRUE(payment_refusal(f, "advance", 10'000'001));
  EXPECT_FALSE(payment_refusal(f, "advance", 10'000'000));
}

TEST(Payments, AnAdvanceAfterProgressWaitsForAReportAboveTheShare) {
  auto f = facts();
  f.rule = {"advance_share.ccn_infrastructure", 3000, 50, "TT 36/2013/TT-BCT"};
  EXPECT_EQ(payment_refusal(f, "advance", 1'000'000)->code, "advance_rule");
  f.best_progress_pct = 50;  // "more than half": 50 % is not enough
  EXPECT_EQ(payment_refusal(f, "advance", 1'000'000)->code, "advance_rule");
  f.best_progress_pct = 51;
  EXPECT_FALSE(payment_refusal(f, "advance", 30'000'000));
  EXPECT_TRUE(payment_refusal(f, "advance", 30'000'001));
}

TEST(Payments, NothingAboveTheContractOrTheAcceptedAmount) {
  auto f = facts();
  f.ledger = {30'000'000, 60'000'000, 0};
  EXPECT_FALSE(payment_refusal(f, "payment", 10'000'000));
  EXPECT_EQ(payment_refusal(f, "payment", 10'000'001)->code, "above_contract");
  f.accepted = 85'000'000;
  f.contract_status = "accepted";
  EXPECT_EQ(payment_refusal(f, "payment", 1)->code, "above_contract");
  EXPECT_EQ(payment_refusal(f, "advance", 1)->code, "above_contract");
  EXPECT_FALSE(payment_refusal(f, "recovery", 5'000'000));
  EXPECT_EQ(payment_refusal(f, "recovery", 90'000'001)->code, "above_paid");
}

TEST(Payments, OnlyARunningContractTakesPayments) {
  for (auto s : {"draft", "settled", "terminated"}) {
    auto f = facts();
    f.contract_status = s;
    EXPECT_EQ(payment_refusal(f, "payment", 1)->code, "contract_status") << s;
  }
  auto f = facts();
  EXPECT_EQ(payment_refusal(f, "payment", 0)->code, "amount");
}

TEST(Settlement, TheLedgerMustEqualTheAcceptedAmount) {
  EXPECT_EQ(settlement_refusal("in_progress", 10, {10, 0, 0})->code, "contract_status");
  EXPECT_EQ(settlement_refusal("accepted", 10, {8, 0, 0})->code, "unpaid");
  EXPECT_EQ(settlement_refusal("accepted", 10, {8, 4, 0})->code, "above_accepted");
  EXPECT_FALSE(settlement_refusal("accepted", 10, {8, 4, 2}));
}

TEST(Schedule, BehindWhenProgressTrailsTheElapsedShareByMoreThanTheSlack) {
  const Date start{2019, 1, 1}, end{2019, 12, 31};
  // Halfway through the year, 50 % expected: 30 % is 20 points behind (the slack), 29 % is not.
  const Date mid{2019, 7, 2};
  EXPECT_FALSE(behind_schedule(start, end, mid, 30, 20));
  EXPECT_TRUE(behind_schedule(start, end, mid, 29, 20));
  EXPECT_FALSE(behind_schedule(start, end, start, 0, 0));
  EXPECT_TRUE(behind_schedule(start, end, Date{2020, 3, 1}, 99, 0));  // past the end: 100 %
}

TEST(Contracts, TheProjectFollowsItsContract) {
  EXPECT_EQ(project_status_for("signed"), "contracted");
  EXPECT_EQ(project_status_for("in_progress"), "in_progress");
  EXPECT_EQ(project_status_for("accepted"), "completed");
  EXPECT_EQ(project_status_for("settled"), "completed");
  EXPECT_EQ(project_status_for("terminated"), "cancelled");
  EXPECT_FALSE(project_status_for("draft"));
}

}  // namespace
}  // namespace kc

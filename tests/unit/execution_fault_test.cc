// Execution's writes under faults, and a random sequence of its operations (fixed seed) after
// which the ledger must always reconcile.
#include <gtest/gtest.h>

#include <random>

#include "app/appraisal.h"
#include "app/contract_changes.h"
#include "app/contracts.h"
#include "app/execution_records.h"
#include "app/plan_decisions.h"
#include "app/plan_scenarios.h"
#include "app/scoring.h"
#include "app/workflow.h"
#include "fault_fixture.h"
#include "store/contract_repo.h"
#include "store/decision_repo.h"

namespace kc {

// The proposal through both appraisals into a decided plan, without faults.
void Faults::planned() {
  const auto& a = kSystem;
  auto step = [&](const char* action) {
    auto p = app::get_project(*real_, a, project_.id).value();
    return app::transition_project(*real_, a, {p.id, p.version, action, "", Date{2017, 5, 1}})
        .has_value();
  };
  Round r;
  r.program_id = program_.id, r.year = 2018;
  ASSERT_TRUE(app::create_round(*real_, a, r));
  for (auto action : {"submit", "start_province_appraisal", "forward", "start_ministry_appraisal"})
    ASSERT_TRUE(step(action)) << action;
  auto round = app::list_rounds(*real_, a, program_.id, 2018).value().front();
  auto member =
      app::create_user(*real_, a,
                       {"thamdinh", "Thẩm định viên", "appraiser", std::nullopt, 0, false, 0},
                       "a-long-password")
          .value();
  Council c;
  c.round_id = round.id, c.level = "ministry", c.name = "Hội đồng";
  c.members = {{member.id, "chair", {}}};
  ASSERT_TRUE(app::create_council(*real_, a, c));
  auto council = app::list_councils(*real_, a, round.id).value().front();
  ASSERT_TRUE(app::assign_projects(*real_, a, council.id, {project_.id}, {}));
  ScoreSheet sheet{council.id, project_.id, member.id, false, {}, {}};
  for (const auto& k : round.criteria) sheet.lines.push_back({k.code, k.max_points, "Tốt"});
  ASSERT_TRUE(app::save_sheet(*real_, {app::Role::appraiser, member.id, "thamdinh", {}, 0}, sheet));
  ASSERT_TRUE(app::conclude(*real_, a, council.id, project_.id, "pass", ""));
  nlohmann::json scenario = {{"name", "Phương án"}, {"program", program_.code}};
  ASSERT_TRUE(app::save_scenario(*real_, a, scenario));
  auto saved = app::list_saved_scenarios(*real_, a, program_.code).value()["items"][0];
  ASSERT_TRUE(app::approve_scenario(
      *real_, a,
      {saved["id"].get<std::int64_t>(), "1/QĐ-BCT", "Thứ trưởng", Date{2018, 1, 15}, 1}));
}

namespace {

TEST_F(Faults, EveryExecutionWriteIsAllOrNothing) {
  fixture();
  ASSERT_NO_FATAL_FAILURE(planned());
  const auto& a = kSystem;
  auto decision = store::list_decisions(*real_, program_.id).value().front().id;
  each_fault("draft_decision_contracts", [&](store::Connection& db) {
    return app::draft_decision_contracts(db, a, decision).has_value();
  });
  auto c = store::project_contracts(*real_, project_.id).value().front();
  auto version = [&] { return store::get_contract(*real_, c.id).value().version; };
  each_fault("sign_contract", [&](store::Connection& db) {
    nlohmann::json body = {{"version", version()}, {"signed_on", "2018-02-01"}};
    return app::sign_contract(db, a, c.id, body).has_value();
  });
  auto pay = [&](const char* kind, Vnd amount) {
    return [&, kind, amount](store::Connection& db) {
      nlohmann::json body = {
          {"contract_id", c.id}, {"kind", kind}, {"amount_vnd", amount}, {"paid_on", "2018-03-01"}};
      return app::record_payment(db, a, body).has_value();
    };
  };
  each_fault("record_payment (advance)", pay("advance", c.value * c.advance_bp / 10'000));
  each_fault("file_progress_report", [&](store::Connection& db) {
    nlohmann::json body = {{"contract_id", c.id},
                           {"period_end", "2018-06-30"},
                           {"progress_pct", 60},
                           {"spent_vnd", 1'000'000}};
    return app::file_progress_report(db, a, body).has_value();
  });
  each_fault("change_contract (extension)", [&](store::Connection& db) {
    nlohmann::json body = {{"version", version()},           {"kind", "extension"},
                           {"reason", "Chậm giao thiết bị"}, {"decision_number", "5/QĐ-CTĐP"},
                           {"decision_date", "2018-10-01"},  {"end_on", "2018-12-31"}};
    return app::change_contract(db, a, c.id, body).has_value();
  });
  each_fault("record_visit", [&](store::Connection& db) {
    nlohmann::json body = {{"visited_on", "2018-10-05"}, {"findings", "Đúng tiến độ"}};
    return app::record_visit(db, a, c.id, body).has_value();
  });
  each_fault("accept_contract", [&](store::Connection& db) {
    nlohmann::json body = {{"contract_id", c.id},         {"number", "1/BB-NT"},
                           {"accepted_on", "2018-12-01"}, {"verdict", "passed"},
                           {"accepted_vnd", c.value},     {"outputs", nlohmann::json::array()}};
    return app::accept_contract(db, a, body).has_value();
  });
  each_fault("record_payment (final)", pay("payment", c.value - c.value * c.advance_bp / 10'000));
  each_fault("settle_contract", [&](store::Connection& db) {
    nlohmann::json body = {
        {"version", version()}, {"settled_on", "2018-12-20"}, {"counterpart_paid_vnd", 0}};
    return app::settle_contract(db, a, c.id, body).has_value();
  });
  EXPECT_EQ(app::get_project(*real_, a, project_.id).value().status, "completed");
}

// A random sequence of payments, reports, acceptance, settlement and termination (fixed seed):
// after every operation, refused or not, the ledger reconciles with the contract and the
// project's status follows the contract's; a refused operation changes nothing.
TEST_F(Faults, TheLedgerReconcilesAfterEveryOperation) {
  fixture();
  ASSERT_NO_FATAL_FAILURE(planned());
  const auto& a = kSystem;
  auto decision = store::list_decisions(*real_, program_.id).value().front().id;
  auto drafted = app::draft_decision_contracts(*real_, a, decision);
  ASSERT_TRUE(drafted);
  ASSERT_EQ((*drafted)["created"], 1) << drafted->dump();
  auto c = store::project_contracts(*real_, project_.id).value().front();
  ASSERT_TRUE(app::sign_contract(*real_, a, c.id, {{"version", 1}, {"signed_on", "2018-02-01"}}));
  std::mt19937_64 rng(20181231);
  auto pick = [&](std::int64_t lo, std::int64_t hi) {
    return std::uniform_int_distribution<std::int64_t>(lo, hi)(rng);
  };
  int refused = 0, done = 0;
  for (int i = 0; i < 300; ++i) {
    auto now = store::get_contract(*real_, c.id).value();
    auto before = store::checksums(*real_).value();
    Result<nlohmann::json> r = std::unexpected(Error::internal("no operation"));
    const std::string day = "2018-0" + std::to_string(3 + i % 6) + "-1" + std::to_string(i % 10);
    switch (pick(0, 9)) {
      case 0:
      case 1:
      case 2: {
        static const char* kKinds[] = {"advance", "payment", "recovery"};
        nlohmann::json body = {{"contract_id", c.id},
                               {"kind", kKinds[pick(0, 2)]},
                               {"amount_vnd", pick(1, c.value / 2)},
                               {"paid_on", day}};
        r = app::record_payment(*real_, a, body);
        break;
      }
      case 3:
      case 4:
        r = app::file_progress_report(*real_, a,
                                      {{"contract_id", c.id},
                                       {"period_end", day},
                                       {"progress_pct", pick(0, 100)},
                                       {"spent_vnd", 0}});
        break;
      case 5:
      case 6:
        r = app::accept_contract(*real_, a,
                                 {{"contract_id", c.id},
                                  {"number", std::to_string(i) + "/BB-NT"},
                                  {"accepted_on", day},
                                  {"verdict", "passed"},
                                  {"accepted_vnd", pick(c.value / 2, c.value + 10)}});
        break;
      case 7:
      case 8:
        r = app::settle_contract(
            *real_, a, c.id,
            {{"version", now.version}, {"settled_on", day}, {"counterpart_paid_vnd", 0}});
        break;
      default:
        if (pick(0, 20) == 0)
          r = app::terminate_contract(*real_, a, c.id, {{"version", now.version}, {"reason", "x"}});
    }
    (r ? done : refused) += 1;
    if (!r) {
      EXPECT_EQ(store::checksums(*real_).value(), before) << "operation " << i;
    }
    auto after = store::get_contract(*real_, c.id).value();
    auto l = store::contract_ledger(*real_, c.id).value();
    auto acc = store::contract_acceptance(*real_, c.id).value();
    EXPECT_GE(l.net(), 0) << i;
    EXPECT_LE(l.net(), after.value) << i;
    EXPECT_LE(l.advanced * 10'000, after.value * after.advance_bp) << i;
    if (after.status == "settled") {
      EXPECT_EQ(l.net(), acc->accepted) << i;
    }
    if (acc) {
      EXPECT_LE(acc->accepted, after.value) << i;
    }
    auto follows = project_status_for(after.status);
    EXPECT_EQ(app::get_project(*real_, a, project_.id).value().status,
              follows ? std::string(*follows) : "approved")
        << i << " " << after.status;
    if (::testing::Test::HasFailure()) break;
  }
  EXPECT_GT(done, 10);
  EXPECT_GT(refused, 10);
  auto chain = store::verify_audit(*real_);
  EXPECT_TRUE(chain && !chain->first_bad_id);
}

}  // namespace
}  // namespace kc

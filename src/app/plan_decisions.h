#pragma once
// Plan decisions: the ministry approves a saved scenario's allocation as the year's plan (or
// one batch, đợt, of it), and adjusts it later. Every funded proposal must still be `passed`; each
// becomes `approved` with its approved amount, and the books are checked before the transaction
// commits: the program's decision totals equal the sum of its projects' amounts.
#include <map>
#include <nlohmann/json.hpp>

#include "app/policy.h"
#include "domain/date.h"
#include "domain/money.h"
#include "store/db.h"
#include "store/decision_repo.h"

namespace kc::app {

struct DecisionInput {
  std::int64_t scenario_id = 0;
  std::string number, signer;
  Date signed_on;
  std::int64_t batch = 1;
};
// Inserts a decision and audits it; `before` holds its projects' amounts before it (absent: 0).
// Returns the decision as the API shows it. The caller checks the books before committing.
Result<nlohmann::json> record_decision(store::Connection& db, const Actor& a, store::Decision& d,
                                       std::map<std::int64_t, Vnd> before);
// The program's books balance: its decisions' totals equal the sum of its projects' amounts.
Status check_books(store::Connection& db, std::int64_t program_id);

Result<DecisionInput> decision_from_json(const nlohmann::json& j);

Result<nlohmann::json> approve_scenario(store::Connection& db, const Actor& a,
                                        const DecisionInput& in);

// An adjustment decision sets projects' amounts anew: `amount_vnd` is what the project has
// after it (0 takes it out of the plan). A project outside the plan must be `passed` and
// becomes `approved`; one taken out becomes `cancelled`; the decision's total is the sum of the
// changes (negative when funds are released).
struct AdjustmentItem {
  std::string code;
  Vnd amount = 0;
};
struct AdjustmentInput {
  std::string program, number, signer, reason;
  Date signed_on;
  std::vector<AdjustmentItem> items;
};
Result<AdjustmentInput> adjustment_from_json(const nlohmann::json& j);
Result<nlohmann::json> adjust_plan(store::Connection& db, const Actor& a,
                                   const AdjustmentInput& in);

// A project's place in the decided plan: its original amount (the first decision that gave it
// one), its current amount and every decision behind them.
Result<nlohmann::json> project_decided(store::Connection& db, std::int64_t project_id);
// The program's decisions (by code), oldest first, with their items and the books; decisions
// are published, so whoever may read plans reads every program's.
Result<nlohmann::json> list_plan_decisions(store::Connection& db, const Actor& a,
                                           const std::string& program);

}  // namespace kc::app

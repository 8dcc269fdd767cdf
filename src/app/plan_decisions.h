#pragma once
// Plan decisions: the ministry approves a saved scenario's allocation as the year's plan (or
// one batch, đợt, of it). Every funded proposal must still be `passed`; each becomes
// `approved` with its approved amount, and the books are checked before the transaction
// commits: the program's decision totals equal the sum of its projects' amounts.
#include <nlohmann/json.hpp>

#include "app/policy.h"
#include "domain/date.h"
#include "store/db.h"

namespace kc::app {

struct DecisionInput {
  std::int64_t scenario_id = 0;
  std::string number, signer;
  Date signed_on;
  std::int64_t batch = 1;
};
Result<DecisionInput> decision_from_json(const nlohmann::json& j);

Result<nlohmann::json> approve_scenario(store::Connection& db, const Actor& a,
                                        const DecisionInput& in);
// The program's decisions (by code), oldest first, with their items and the books; decisions
// are published, so whoever may read plans reads every program's.
Result<nlohmann::json> list_plan_decisions(store::Connection& db, const Actor& a,
                                           const std::string& program);

}  // namespace kc::app

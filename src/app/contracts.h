#pragma once
// Contracts of the plan's projects: drafted in bulk for a decision (or one at a time, and the
// support contracts below an implementation contract), signed, terminated and settled. The
// project's status follows its implementation contract (domain/execution.h).
#include <nlohmann/json.hpp>

#include "app/policy.h"
#include "store/contract_repo.h"

namespace kc::app {

// Drafts the implementation contract of every project the decision names that has an amount
// in the plan and no contract yet: value = the project's current amount. Answers
// {"created": n, "items": [contracts]}.
Result<nlohmann::json> draft_decision_contracts(store::Connection& db, const Actor& a,
                                                std::int64_t decision_id);
// One contract: {"project_id", "level", "parent_id", "facility_id", "number", "value_vnd",
// "counterpart_vnd", "start_on", "end_on"}.
Result<nlohmann::json> create_contract(store::Connection& db, const Actor& a,
                                       const nlohmann::json& body);
// {"version", "signed_on", "number"?}: draft → signed.
Result<nlohmann::json> sign_contract(store::Connection& db, const Actor& a, std::int64_t id,
                                     const nlohmann::json& body);
// {"version", "reason"}: any status before accepted → terminated; the project is cancelled.
Result<nlohmann::json> terminate_contract(store::Connection& db, const Actor& a, std::int64_t id,
                                          const nlohmann::json& body);
// {"version", "settled_on", "counterpart_paid_vnd"}: accepted → settled, when the ledger
// equals the accepted amount.
Result<nlohmann::json> settle_contract(store::Connection& db, const Actor& a, std::int64_t id,
                                       const nlohmann::json& body);

Result<Page<store::Contract>> list_contracts(store::Connection& db, const Actor& a, ListQuery q);
// The contract with its ledger, payments, reports and acceptance.
Result<nlohmann::json> contract_view(store::Connection& db, const Actor& a, std::int64_t id);
// The project's contracts, each as contract_view.
Result<nlohmann::json> project_execution(store::Connection& db, const Actor& a,
                                         std::int64_t project_id);

// The contract when the user may read it (its project in scope), else not found.
Result<store::Contract> contract_in_scope(store::Connection& db, const Actor& a, std::int64_t id);
// Whether the user may manage the contract: the department, or a province for its own local
// program's contracts (forbidden otherwise).
Status check_manage(store::Connection& db, const Actor& a, const store::Contract& c);
// The contract when the user may manage it: the department, or a province for its own local
// program's contracts (forbidden otherwise).
Result<store::Contract> contract_to_manage(store::Connection& db, const Actor& a, std::int64_t id);

}  // namespace kc::app

#pragma once
// Contracts of the plan's projects: drafted in bulk for a decision (or one at a time, and the
// support contracts below an implementation contract), signed, terminated and settled. The
// project's status follows its implementation contract (domain/execution.h).
#include <nlohmann/json.hpp>
#include <set>

#include "app/policy.h"
#include "domain/project.h"
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

// The project's named beneficiaries: those on the proposal and, for a group project, those its
// latest split letter names.
Result<std::set<std::int64_t>> named_beneficiaries(store::Connection& db, const Project& p);
// The contract when the user may read it (its project in scope), else not found.
Result<store::Contract> contract_in_scope(store::Connection& db, const Actor& a, std::int64_t id);
// Whether the user may manage the contract: the department, or a province for its own local
// program's contracts (forbidden otherwise).
Status check_manage(store::Connection& db, const Actor& a, const store::Contract& c);
// For a write to a contract, inside its transaction and in this order: the contract (404
// outside the user's scope, whatever the body), the body's `errors` (422 titled `what`), the
// right to manage it (403), the version read when one is given (409).
Result<store::Contract> contract_to_write(store::Connection& db, const Actor& a, std::int64_t id,
                                          std::vector<FieldError> errors, const char* what,
                                          std::optional<std::int64_t> version);
// The contract when the user may manage it: the department, or a province for its own local
// program's contracts (forbidden otherwise).
Result<store::Contract> contract_to_manage(store::Connection& db, const Actor& a, std::int64_t id);

}  // namespace kc::app

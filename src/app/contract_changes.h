#pragma once
// Changes to a running contract, the officer who follows it, and the department's monitoring
// visits.
//   change: {"version", "kind": extension|content|beneficiaries|carry_over, "reason",
//   "decision_number",
//   "decision_date", "end_on" (an extension's new end)}. An extension moves the contract's end;
//   it must reach past the current end (after every earlier extension: 422 `end_on`) and its
//   decision may not predate the previous extension's (409 `overlapping_extension`). A year-end
//   carry-over records the advance the unit holds unsettled (409 `nothing_unsettled` when none).
//   visit: {"visited_on", "findings", "actions"?, "due_on"? (the actions' deadline)}.
#include <nlohmann/json.hpp>

#include "app/policy.h"
#include "store/db.h"

namespace kc::app {

Result<nlohmann::json> change_contract(store::Connection& db, const Actor& a, std::int64_t id,
                                       const nlohmann::json& body);
Result<nlohmann::json> record_visit(store::Connection& db, const Actor& a, std::int64_t id,
                                    const nlohmann::json& body);
// Assigns the officer who follows an implementation contract: {"version", "officer_id"}, an
// enabled account that may manage this contract (422 `not_officer` otherwise); 409
// `contract_status` once it is settled or terminated.
Result<nlohmann::json> assign_officer(store::Connection& db, const Actor& a, std::int64_t id,
                                      const nlohmann::json& body);
// The contract's changes and visits, for its view.
Result<nlohmann::json> changes_json(store::Connection& db, std::int64_t contract_id);
Result<nlohmann::json> visits_json(store::Connection& db, std::int64_t contract_id);

}  // namespace kc::app

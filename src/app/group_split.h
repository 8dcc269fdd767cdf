#pragma once
// A group project gets one total in the plan decision; a later letter of the department splits
// it among the beneficiary facilities. The letter's amounts add up to the project's current
// amount; a later letter replaces the split of the one before, and every letter is kept.
#include <nlohmann/json.hpp>

#include "app/policy.h"
#include "store/split_repo.h"

namespace kc::app {

// Records the letter ({"number", "signed_on", "items": [{"facility_id", "amount_vnd"}]}) for a
// group project in the plan (409 `not_group` for another kind, 409 `not_in_plan` when no
// decision funds it); whoever builds the program's plans may. A project outside the actor's
// scope is not found, whatever the body.
Result<nlohmann::json> split_group_project(store::Connection& db, const Actor& a,
                                           std::int64_t project_id, const nlohmann::json& body);

// The project's letters, oldest first (the last one holds).
Result<nlohmann::json> group_splits_json(store::Connection& db, std::int64_t project_id);

}  // namespace kc::app

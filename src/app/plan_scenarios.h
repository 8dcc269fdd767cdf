#pragma once
// Saved scenarios of a year's plan: each is solved when saved and kept with its result, so
// that several can be compared side by side (funded count and money by content, province and
// region, the proposals that differ, the value and the baselines) and one approved later.
#include <nlohmann/json.hpp>

#include "app/policy.h"
#include "store/db.h"

namespace kc::app {

Result<nlohmann::json> save_scenario(store::Connection& db, const Actor& a,
                                     const nlohmann::json& scenario);
// Replaces a saved scenario (its program stays): `version` is the version read.
Result<nlohmann::json> replace_scenario(store::Connection& db, const Actor& a, std::int64_t id,
                                        std::int64_t version, const nlohmann::json& scenario);
Result<nlohmann::json> get_saved_scenario(store::Connection& db, const Actor& a, std::int64_t id);
// The scenarios of a program (by code; empty: all the user may read), with their headline.
Result<nlohmann::json> list_saved_scenarios(store::Connection& db, const Actor& a,
                                            const std::string& program);
// "Why not us?": the proposal's place in the latest saved scenario of its program — its amount,
// or the reason it is out, the loss if it were forced in and the value it would have needed.
// Readable by whoever may read both plans and the proposal (a province: its own proposals).
Result<nlohmann::json> project_plan_entry(store::Connection& db, const Actor& a,
                                          std::int64_t project_id);
Result<nlohmann::json> compare_scenarios(store::Connection& db, const Actor& a,
                                         const std::vector<std::int64_t>& ids);

}  // namespace kc::app

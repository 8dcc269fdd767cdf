#pragma once
// Trade fairs and exhibitions and the booths the program supports there (issue 14).
//   fair: {"code", "name", "place", "abroad"?, "country" (abroad), "province" {set, code} (in
//   Vietnam), "starts_on", "ends_on", "organizer", "project_id"? (the plan's project that
//   funds it), "version" (updates)}.
//   booth: {"facility_id", "booths" (standard booths, at least 1), "amount_vnd"}: at most the
//   booths times the dated ceiling per booth (`fair_booth_ceiling.domestic|abroad`, a setting
//   until a rule is confirmed; 422 `above_ceiling` naming it); a facility once per fair (422
//   `listed_twice`).
// Whoever reads the register reads fairs. The department manages every fair; a province only
// fairs held in its own province, and booths only for its own facilities (else not found).
#include <nlohmann/json.hpp>

#include "app/policy.h"
#include "domain/list_query.h"
#include "store/db.h"

namespace kc::app {

// The page of fairs with the totals of the whole filter ({"totals": {fairs, booths,
// facilities, amount_vnd}}).
Result<nlohmann::json> list_fairs(store::Connection& db, const Actor& a, ListQuery q);
// One fair with its booths.
Result<nlohmann::json> fair_json(store::Connection& db, const Actor& a, std::int64_t id);
Result<nlohmann::json> create_fair(store::Connection& db, const Actor& a,
                                   const nlohmann::json& body);
Result<nlohmann::json> update_fair(store::Connection& db, const Actor& a, std::int64_t id,
                                   const nlohmann::json& body);
Result<nlohmann::json> add_booth(store::Connection& db, const Actor& a, std::int64_t fair_id,
                                 const nlohmann::json& body);
// A facility's booths at fairs, newest first (its support history shows them).
Result<nlohmann::json> facility_booths_json(store::Connection& db, std::int64_t facility_id);

}  // namespace kc::app

#pragma once
// A council's conclusion on its round as a whole (after each proposal's): the day, a summary,
// and the counts of its proposals' conclusions, drawn once every proposal before the council has
// its own conclusion (409 `unconcluded` naming how many have not) and only once (409
// `already_concluded`); after it, the proposals' conclusions are final. Whoever manages the
// council draws it; whoever may see the council reads it.
#include <nlohmann/json.hpp>

#include "app/policy.h"
#include "store/db.h"

namespace kc::app {

// body: {"concluded_on", "summary"}.
Result<nlohmann::json> conclude_round(store::Connection& db, const Actor& a,
                                      std::int64_t council_id, const nlohmann::json& body);
// The round's conclusion (404 when not drawn yet).
Result<nlohmann::json> round_conclusion_json(store::Connection& db, const Actor& a,
                                             std::int64_t council_id);
// 409 `already_concluded` once the council concluded its round (inside the caller's transaction).
Status check_round_open_for_conclusions(store::Connection& db, std::int64_t council_id);

}  // namespace kc::app

#pragma once
// Production–consumption chains (chuỗi liên kết sản xuất – tiêu thụ, issue 14): point and group
// projects link facilities in one product line — suppliers of materials, producers, buyers.
// A chain records those links and the projects that built it, so that each product line's
// chain can be shown with its projects.
//   body: {"name", "product_line", "province" {set, code} (the lead province), "description"?,
//   "links": [{"facility_id", "role": supplier|producer|buyer}] (at least one producer; a
//   facility once per role), "project_ids"?: [...], "version" (updates)}. An update replaces
//   the links and the projects.
// Whoever reads the register reads chains; the department writes every one, a province those
// it leads (`write_places`).
#include <nlohmann/json.hpp>

#include "app/policy.h"
#include "domain/list_query.h"
#include "store/db.h"

namespace kc::app {

// Filters: province (34-set), q. With {"totals": {chains, suppliers, producers, buyers,
// projects, requested_vnd}} over the whole filter.
Result<nlohmann::json> list_chains(store::Connection& db, const Actor& a, ListQuery q);
// One chain with its `links` (by role) and its `projects`.
Result<nlohmann::json> chain_json(store::Connection& db, const Actor& a, std::int64_t id);
Result<nlohmann::json> create_chain(store::Connection& db, const Actor& a,
                                    const nlohmann::json& body);
Result<nlohmann::json> update_chain(store::Connection& db, const Actor& a, std::int64_t id,
                                    const nlohmann::json& body);

}  // namespace kc::app

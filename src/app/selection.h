#pragma once
// The selection of typical rural industrial products (TT 26/2014, TT 38/2025; issue 14): a
// round at one level — commune (district before 1 July 2025) and provincial (held in a
// province), regional (one of the three areas), national (from the regional winners) — with
// its scoring council of appraiser accounts. The
// criteria are the rules' four groups with the points of the dated settings
// typical_product_points.* (unconfirmed), the pass mark the dated typical_product_pass_mark.
// Provinces nominate their facilities' products until the closing day, each with the
// eligibility the facility declares (own product, mass-producible, quality and safety
// declarations); a product still recognised at the level cannot enter. The council's members
// score each nomination (or declare a conflict); the aggregation, the outliers and the
// ranking are the appraisal's (domain/appraisal.h). Concluding the round recognises every
// passing nomination as a typical product (app/typical_products.h: certificate, validity,
// verification code) in one transaction.
//   open: {"year", "level", "area_code"? (regional), "province"? (commune, district, provincial:
//   34-set code; a province: its own), "name", "closes_on", "members": [{"user_id", "role":
//   chair|member}]}. nominate: {"facility_id", "name", "group", "description"?, "own_product",
//   "mass_producible", "quality_declared", "safety_declared"} (each true, else not_eligible).
//   score: {"lines": [{"criterion", "points"}], "conflict"?, "conflict_note"?}.
//   conclude: {"recognized_on"}.
// Reading: `read_rounds` — an appraiser only the rounds they sit on, a province or a unit only
// its own nominations and no scores. Writing: `manage_products` (the department every level,
// a province its own commune, district and provincial rounds and its own facilities); scoring:
// `score`, members only.
#include <nlohmann/json.hpp>

#include "app/policy.h"
#include "domain/list_query.h"
#include "store/db.h"

namespace kc::app {

// The levels a province holds: commune (district before 1 July 2025) and provincial.
bool is_local(const std::string& level);
// Filters: year, kind (= level).
Result<nlohmann::json> list_selection_rounds(store::Connection& db, const Actor& a, ListQuery q);
// The round with its criteria, members and nominations; for the department, the ministry and
// the members each nomination's aggregate and rank, and for a member its own sheet.
Result<nlohmann::json> selection_round_json(store::Connection& db, const Actor& a, std::int64_t id);
Result<nlohmann::json> open_selection_round(store::Connection& db, const Actor& a,
                                            const nlohmann::json& body);
Result<nlohmann::json> nominate_product(store::Connection& db, const Actor& a,
                                        std::int64_t round_id, const nlohmann::json& body);
Result<nlohmann::json> score_nomination(store::Connection& db, const Actor& a,
                                        std::int64_t nomination_id, const nlohmann::json& body);
Result<nlohmann::json> conclude_selection(store::Connection& db, const Actor& a,
                                          std::int64_t round_id, const nlohmann::json& body);

}  // namespace kc::app

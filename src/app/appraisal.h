#pragma once
// Registration rounds and appraisal councils as use cases (domain/appraisal.h). Rounds are
// the department's; a council at the province level may be set up by that province's
// department of industry and trade, at the ministry level by the department. Members are
// appraiser accounts, each seeing only the councils they sit on.
#include <nlohmann/json.hpp>

#include "app/policy.h"
#include "domain/appraisal.h"
#include "store/db.h"

namespace kc::app {

Result<std::vector<Round>> list_rounds(store::Connection& db, const Actor& a,
                                       std::int64_t program_id, int year);
Result<Round> get_round(store::Connection& db, const Actor& a, std::int64_t id);
// Missing dates and rules take the dated settings: closing on registration_deadline of the
// year before the plan year, forwarding province_forwarding_days later, the pass mark,
// trimming and outlier distance from appraisal_*; no criteria: the default set.
Result<Round> create_round(store::Connection& db, const Actor& a, Round r);
// The criteria cannot change once a member has scored (409 criteria_frozen).
Result<Round> update_round(store::Connection& db, const Actor& a, const Round& r);

Result<std::vector<Council>> list_councils(store::Connection& db, const Actor& a,
                                           std::int64_t round_id);
Result<Council> get_council(store::Connection& db, const Actor& a, std::int64_t id);
Result<Council> create_council(store::Connection& db, const Actor& a, const Council& c);

// A council's members: each an enabled appraiser account listed once with a known role, and
// exactly one chair (field errors appended).
Status check_members(store::Connection& db, const std::vector<CouncilMember>& members,
                     std::vector<FieldError>& errors);

// JSON codecs (strict readers, like app/codec.h).
nlohmann::json to_json(const Round& r);
nlohmann::json to_json(const Council& c);
// `for_update`: the version is required. Absent fields stay unset (Date{} / -1) for defaults.
Result<Round> round_from_json(const nlohmann::json& j, bool for_update);
Result<Council> council_from_json(const nlohmann::json& j);

}  // namespace kc::app

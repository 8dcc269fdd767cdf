#pragma once
// The year's completion and the attention list, computed from the execution records only.
//   completion: projects planned, contracted, accepted, settled, cancelled; funds planned
//   (the current plan), contracted, disbursed, accepted; the disbursement rate (disbursed /
//   plan) and the plan completion rate (accepted / plan), as fractions; outputs per
//   indicator, expected by the planned projects and actual by the acceptances.
//   attention: the running implementation contracts with a flag on `as_of`: no_report,
//   behind_schedule, money_not_drawn, deadline_passed (thresholds are dated settings), counted
//   per province and per officer who follows them.
//   support history: what a facility received, confirmed by acceptances.
#include <nlohmann/json.hpp>

#include "app/policy.h"
#include "domain/date.h"
#include "domain/money.h"
#include "store/db.h"
#include "store/report_facts.h"

namespace kc::app {

// part / whole as a fraction rounded to four places (0.996); 0 when there is no whole.
double ratio(Vnd part, Vnd whole);

// With `facts` (app/report_cache.h) whose data answers q, the figures come from them.
Result<nlohmann::json> completion_json(store::Connection& db, const Actor& a, ListQuery q,
                                       const store::ReportFacts* facts = nullptr);
// A facility's support history from the acceptances that confirmed it (year, content, project,
// its share of the accepted amount): whoever may read the facility.
Result<nlohmann::json> support_history_json(store::Connection& db, const Actor& a,
                                            std::int64_t facility_id);
// What ended contracts left unused in a program's plan (store::released_funds), with the total:
// the rows an adjustment decision takes to lower those projects to what they used.
Result<nlohmann::json> released_json(store::Connection& db, const Actor& a,
                                     const std::string& program);
// With `officer`, only the contracts that officer follows.
Result<nlohmann::json> attention_json(store::Connection& db, const Actor& a, ListQuery q,
                                      Date as_of, std::int64_t officer = 0);

}  // namespace kc::app

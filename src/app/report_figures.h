#pragma once
// The figures of a slice of the records — a year, a program level (KCQG, KCDP), a province —
// that the multi-year and province reports line up side by side: projects planned, contracted
// and accepted; funds planned (the current plan), contracted, disbursed and accepted; the
// completion and disbursement rates; outputs per indicator, planned and accepted. Slices add
// up: counts and money are summed and the rates recomputed from the sums.
#include <nlohmann/json.hpp>

#include "app/policy.h"
#include "domain/list_query.h"
#include "store/db.h"
#include "store/report_facts.h"
#include "store/report_query.h"

namespace kc::app {

// {"projects": {...}, "funds": {...}, "completion_rate", "disbursement_rate",
//  "outputs": {code: {"planned", "actual"}}} of the projects matching q, in the actor's scope.
// With `facts` (app/report_cache.h), read from them where they answer the query.
Result<nlohmann::json> slice_figures(store::Connection& db, const Actor& a, const ListQuery& q,
                                     const store::ReportFacts* facts = nullptr);

// The planned projects of q (already in the reader's scope) grouped by one dimension.
Result<std::vector<store::PlanGroup>> plan_groups(store::Connection& db, const ListQuery& q,
                                                  store::PlanDimension by,
                                                  const store::ReportFacts* facts);

// An empty slice (every count and amount 0).
nlohmann::json no_figures();

// a + b: numbers added key by key (outputs too), rates recomputed.
nlohmann::json add_figures(const nlohmann::json& a, const nlohmann::json& b);

// How fresh a report is: {"at": UTC ISO time the data is current to, "source": "primary" |
// "replica"} (serve --report-db).
// From `facts` when the report was read from them.
Result<nlohmann::json> data_as_of(store::Connection& db, const store::ReportFacts* facts = nullptr);
// "Số liệu đến 14:05 ngày 04/12/2026" in Vietnam's time (UTC+7), for the files' subtitles.
std::string as_of_line(const nlohmann::json& as_of);

}  // namespace kc::app

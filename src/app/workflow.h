#pragma once
// The proposal's workflow as use cases (the steps are domain/workflow.h): who may take which
// step on which proposal, the round's closing date for submissions, and the audit row of
// every transition. A step that does not apply to the proposal's status is a 409 that
// changes nothing; a step the user's role may not take is a 403.
#include <nlohmann/json.hpp>

#include "app/policy.h"
#include "domain/project.h"
#include "store/db.h"

namespace kc::app {

// Today's date in Vietnam (UTC+7): the day deadlines are judged by.
Date vietnam_today();
// The same day as ISO text (yyyy-mm-dd), the form the store keeps dates in.
std::string vietnam_today_iso();

// Whether the project's proposal goes through its province's department (by the kind of its
// implementing organization: domain/workflow.h goes_via_province).
Result<bool> goes_via_province(store::Connection& db, const Project& p);

// The actions the user may take on the project now (names of domain/workflow.h steps).
Result<std::vector<std::string>> available_actions(store::Connection& db, const Actor& a,
                                                   const Project& p);

// The project as the API shows it to this user: the record plus `may_edit` and `actions`.
Result<nlohmann::json> project_view(store::Connection& db, const Actor& a, const Project& p);

struct TransitionRequest {
  std::int64_t project_id = 0;
  std::int64_t version = 0;  // the version read (409 version_conflict when stale)
  std::string action;
  std::string reason;
  Date today;  // submissions after the round's closing date are refused
};
Result<Project> transition_project(store::Connection& db, const Actor& a,
                                   const TransitionRequest& t);
// The same inside the caller's write transaction (councils' conclusions, the demo).
Result<Project> apply_transition(store::Connection& db, const Actor& a, const Project& p,
                                 const TransitionRequest& t);

// The project's status follows its implementation contract (domain/execution.h): signed →
// contracted, in_progress, accepted or settled → completed, terminated → cancelled. Audited as
// the action `contract`; nothing happens when the status is already the one that follows.
Status follow_contract(store::Connection& db, const Actor& a, std::int64_t project_id,
                       std::string_view contract_status);

}  // namespace kc::app

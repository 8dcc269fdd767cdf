#pragma once
// The year's execution figures read from the records (contracts, payments, acceptances), and
// the running contracts the attention list looks at. The query's project filters and the
// user's scope apply as they do to the project list.
#include <string>
#include <vector>

#include "domain/list_query.h"
#include "domain/money.h"
#include "domain/project.h"
#include "store/db.h"

namespace kc::store {

struct CompletionRow {
  std::int64_t count = 0;
  Vnd amount = 0;
};
struct IndicatorTotal {
  std::string indicator;
  std::int64_t expected = 0, actual = 0;
};
struct Completion {
  CompletionRow planned;     // projects with an amount in the plan; the current plan amount
  CompletionRow contracted;  // implementation contracts signed (or later), their values
  CompletionRow accepted;    // accepted (not failed), the accepted amounts
  CompletionRow settled;     // settled contracts
  CompletionRow cancelled;   // planned projects cancelled; their released amounts
  Vnd disbursed = 0;         // net payments on implementation contracts
  // What the plan may give again: the sum of released_funds (below), until an adjustment
  // lowers those projects to what they used.
  Vnd released = 0;
  std::vector<IndicatorTotal> outputs;  // expected by the planned projects, actual by acceptances
};
Result<Completion> completion(Connection& db, const ListQuery& q);

// A signed implementation contract not yet accepted, with what the flags need.
struct RunningContract {
  std::int64_t contract_id = 0, project_id = 0;
  std::int64_t officer_id = 0;  // who follows it (0: none assigned)
  std::string officer_name;
  std::string number, project_code, project_title, program, province_2025, signed_on, start_on,
      end_on, status, last_report;
  Vnd value = 0, net_paid = 0;
  std::int64_t best_progress = -1;
};
// With officer_id, only the contracts that officer follows.
Result<std::vector<RunningContract>> running_contracts(Connection& db, const ListQuery& q,
                                                       std::int64_t officer_id = 0);

// A facility's support history: every acceptance that confirmed it as a beneficiary (not
// failed), with its project and the facility's share of the accepted amount (split evenly among
// the beneficiaries the acceptance confirmed).
struct SupportEntry {
  int year = 0;
  std::int64_t project_id = 0;
  std::string content, project_code, project_title, accepted_on;
  Vnd share = 0;
};
Result<std::vector<SupportEntry>> support_history(Connection& db, std::int64_t facility_id);

// Funds an ended implementation contract leaves unused: a terminated contract uses what was
// paid on it (net of recoveries), an accepted or settled one its accepted amount; the rest of
// the project's amount in the plan (the sum of its decisions) is released, for an adjustment
// decision to lower the project to what it used and give the rest to others. Only projects
// with something released, of the projects the query selects (and, with project_id, of one).
struct ReleasedFunds {
  std::int64_t project_id = 0, contract_id = 0;
  std::string project_code, project_title, project_status, contract_number, contract_status;
  Vnd plan = 0, used = 0;
};
Result<std::vector<ReleasedFunds>> released_funds(Connection& db, const ListQuery& q,
                                                  std::int64_t project_id = 0);

// The projects of a program whose acceptance counted `indicator` (actual > 0), with their first
// province and implementing organization: what the demo's fairs, typical products and clusters
// are made from.
struct ProjectOutputAccepted {
  std::int64_t project_id = 0, actual = 0;
  Vnd accepted = 0;  // the amount the acceptance accepted
  std::string title, start, end, organizer;
  ProvinceRef province;
  std::string region_code;
};
Result<std::vector<ProjectOutputAccepted>> accepted_outputs_of(Connection& db,
                                                               std::int64_t program_id,
                                                               const std::string& indicator);

}  // namespace kc::store

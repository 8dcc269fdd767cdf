#pragma once
// Eligibility and priority checks of a proposal, each reported with the dated rule it applies,
// its legal source and the date the rule is in force from. Run on demand (the proposal's page)
// and at submission, where a check whose level is "block" refuses the step (409
// eligibility_block). Support ceilings are checked on every save already (422
// above_ceiling).
//   repeat_support — a beneficiary already supported for the same content within the
//                    `repeat_support_window_years` before the proposal's year (names the
//                    earlier project); a warning, or a block with `repeat_support_block` = 1
//   duplicate      — another live proposal for the same facility, content and year
//   counterpart    — no counterpart funds while `counterpart_required` is 1
//   dossier_complete_block — the dossier lacks objectives, milestones or itemized costs
//                    (a warning, or a block with `dossier_complete_block` = 1)
#include <nlohmann/json.hpp>

#include "app/policy.h"
#include "domain/project.h"
#include "store/db.h"

namespace kc::app {

struct Check {
  std::string rule;   // the rule key
  std::string level;  // "warning" | "block"
  std::string message;
  std::vector<std::pair<std::string, std::string>> params;
  std::string legal_basis, valid_from;
  bool confirmed = false;
};

// The checks that fire for the project (none: it passes them all).
Result<std::vector<Check>> eligibility_checks(store::Connection& db, const Project& p);
// The same, for a project the user may read, as the API shows them.
Result<nlohmann::json> project_checks(store::Connection& db, const Actor& a, std::int64_t id);

}  // namespace kc::app

#pragma once
// What happens under a contract: payments into its ledger (checked against the contract and
// the dated advance rules), the implementing unit's progress reports, and the acceptance
// (nghiệm thu) with the actual outputs per indicator. Each is one transaction and one audit row.
#include <nlohmann/json.hpp>

#include "app/policy.h"
#include "store/contract_repo.h"

namespace kc::app {

// {"contract_id", "kind": advance|payment|recovery, "amount_vnd", "paid_on", "reference"?,
// "note"?}. A payment that breaks the ledger or the advance rule is 409 with the rule named.
Result<nlohmann::json> record_payment(store::Connection& db, const Actor& a,
                                      const nlohmann::json& body);
// {"contract_id", "period_end", "progress_pct", "spent_vnd", "problems"?}: the unit of the
// project, its province or the department; the first report starts the work (in_progress).
Result<nlohmann::json> file_progress_report(store::Connection& db, const Actor& a,
                                            const nlohmann::json& body);
// {"contract_id", "number", "accepted_on", "verdict", "accepted_vnd", "conclusion"?,
// "outputs": [{"indicator", "actual"}], "beneficiaries": [facility ids]}: after at least one
// progress report; the expected quantities come from the project.
Result<nlohmann::json> accept_contract(store::Connection& db, const Actor& a,
                                       const nlohmann::json& body);

Result<Page<store::Payment>> list_payments(store::Connection& db, const Actor& a, ListQuery q);
Result<Page<store::ProgressReport>> list_progress_reports(store::Connection& db, const Actor& a,
                                                          ListQuery q);
Result<Page<store::Acceptance>> list_acceptances(store::Connection& db, const Actor& a,
                                                 ListQuery q);

}  // namespace kc::app

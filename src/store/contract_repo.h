#pragma once
// Execution records (migration 011): contracts, the payments ledger, progress reports and
// acceptances. Payments, reports and acceptances are only ever inserted; a contract changes
// through its status (with its version, like every register record).
#include <optional>
#include <string>
#include <vector>

#include "domain/execution.h"
#include "domain/list_query.h"
#include "store/db.h"

namespace kc::store {

// What a list row carries about the contract's project (read with a join).
struct ProjectRef {
  std::int64_t program_id = 0;
  std::string project_code, project_title, program_code;
  int year = 0;
};

struct Contract {
  std::int64_t id = 0, project_id = 0, parent_id = 0, organization_id = 0, facility_id = 0;
  std::string level = "implementation", number, signed_on, party_a, party_b;
  Vnd value = 0, counterpart = 0, counterpart_paid = 0;
  std::string start_on, end_on, status = "draft";
  std::int64_t advance_bp = 0;
  std::string advance_rule, settled_on, status_reason;
  std::int64_t version = 1, created_by = 0;
  std::string created_at, updated_at;
  std::int64_t officer_id = 0;  // the officer who follows it (0: none assigned)
  std::string officer_name;     // filled on reading
  ProjectRef project;           // filled on reading
};

Result<std::int64_t> insert_contract(Connection& db, Contract& c);
// Writes every changeable field when the stored version is c.version; raises it by one.
Status update_contract(Connection& db, Contract& c);
Result<Contract> get_contract(Connection& db, std::int64_t id);
// The contracts matching the query (its project filters and scope; `status` is the
// contract's), a page at a time.
Result<Page<Contract>> list_contracts(Connection& db, const ListQuery& q);
Result<std::vector<Contract>> project_contracts(Connection& db, std::int64_t project_id);

struct Payment {
  std::int64_t id = 0, contract_id = 0, created_by = 0;
  std::string kind, paid_on, reference, note, created_at;
  Vnd amount = 0;
  std::string contract_number;  // filled on reading
  std::int64_t project_id = 0;
  ProjectRef project;
};
Result<std::int64_t> insert_payment(Connection& db, Payment& p);
Result<Page<Payment>> list_payments(Connection& db, const ListQuery& q,
                                    std::int64_t contract_id = 0);
Result<Ledger> contract_ledger(Connection& db, std::int64_t contract_id);

struct ProgressReport {
  std::int64_t id = 0, contract_id = 0, created_by = 0;
  std::string period_end, problems, created_at;
  std::int64_t progress_pct = 0;
  Vnd spent = 0;
  std::string contract_number;
  std::int64_t project_id = 0;
  ProjectRef project;
};
Result<std::int64_t> insert_report(Connection& db, ProgressReport& r);
Result<Page<ProgressReport>> list_reports(Connection& db, const ListQuery& q,
                                          std::int64_t contract_id = 0);
// The highest progress reported on the contract; -1 when none was.
Result<std::int64_t> best_progress(Connection& db, std::int64_t contract_id);

struct AcceptedOutput {
  std::string indicator;
  std::int64_t expected = 0, actual = 0;
};
struct Acceptance {
  std::int64_t id = 0, contract_id = 0, created_by = 0;
  std::string number, accepted_on, verdict, conclusion, created_at;
  Vnd accepted = 0;
  std::vector<AcceptedOutput> outputs;
  std::vector<std::int64_t> beneficiaries;
  std::string contract_number;
  std::int64_t project_id = 0;
  ProjectRef project;
};
Result<std::int64_t> insert_acceptance(Connection& db, Acceptance& a);
Result<Page<Acceptance>> list_acceptances(Connection& db, const ListQuery& q,
                                          std::int64_t contract_id = 0);
Result<std::optional<Acceptance>> contract_acceptance(Connection& db, std::int64_t contract_id);

}  // namespace kc::store

#pragma once
// Changes to a contract (an extension of time, a change of content or of beneficiaries), each
// with its reason and approving decision, and the department's monitoring visits (migration
// 012). Only ever inserted; a contract's own rows, oldest first.
#include <string>
#include <vector>

#include "domain/money.h"
#include "store/db.h"

namespace kc::store {

struct ContractChange {
  std::int64_t id = 0, contract_id = 0, created_by = 0;
  std::string kind, reason, decision_number, decision_date, old_end_on, new_end_on, created_at;
  Vnd amount = 0;  // a carry-over: the advance not yet settled at the year's end
};
Result<std::int64_t> insert_change(Connection& db, ContractChange& c);
Result<std::vector<ContractChange>> contract_changes(Connection& db, std::int64_t contract_id);

struct MonitoringVisit {
  std::int64_t id = 0, contract_id = 0, created_by = 0;
  std::string visited_on, findings, actions, due_on, created_at;
};
Result<std::int64_t> insert_visit(Connection& db, MonitoringVisit& v);
Result<std::vector<MonitoringVisit>> contract_visits(Connection& db, std::int64_t contract_id);

}  // namespace kc::store

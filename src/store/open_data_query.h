#pragma once
// What became of a batch of projects, read set-based for the open-data export: the plan's
// amount (every decision's items summed), the implementation contracts with what was paid
// under them and their acceptance, and the outputs the acceptances counted. A fixed number of
// queries per batch, whatever its size.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/money.h"
#include "store/db.h"

namespace kc::store {

struct AcceptanceFacts {
  std::string number, accepted_on, verdict;
  Vnd accepted_vnd = 0;
};

struct ContractFacts {
  std::string number, signed_on, status;
  Vnd value_vnd = 0, paid_vnd = 0;  // paid: advances and payments less recoveries
  std::optional<AcceptanceFacts> acceptance;
};

struct ProjectResults {
  Vnd plan_vnd = 0;
  std::vector<ContractFacts> contracts;
  std::map<std::string, std::int64_t> actual;  // indicator → accepted quantity
};

Result<std::map<std::int64_t, ProjectResults>> project_results(
    Connection& db, const std::vector<std::int64_t>& ids);

}  // namespace kc::store

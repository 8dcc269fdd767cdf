#pragma once
// The reports' aggregations over the current plan (the sum of every decision's items per
// project): the planned projects grouped by one dimension, with their plan amounts and the
// counterpart funds they bring. The filter is the project list's (year, program, scope).
#include <string>
#include <vector>

#include "domain/list_query.h"
#include "domain/money.h"
#include "store/db.h"

namespace kc::store {

enum class PlanDimension { content, kind, region, province };

struct PlanGroup {
  std::string key;
  std::int64_t projects = 0;
  Vnd plan_vnd = 0, counterpart_vnd = 0;
};

// Groups in key order; projects with no amount in the plan are left out.
Result<std::vector<PlanGroup>> plan_breakdown(Connection& db, const ListQuery& q, PlanDimension by);

// How fresh the data a connection reads is: the time (UTC, ISO 8601) it is current to, and
// whether the connection is a replica (PostgreSQL in recovery). A replica that has replayed
// everything it received is current now; else as of its last replayed transaction.
struct Freshness {
  std::string as_of;
  bool replica = false;
};
Result<Freshness> freshness(Connection& db);

}  // namespace kc::store

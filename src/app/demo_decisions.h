#pragma once
// The demo's plan decisions for 2018: the public record says the year's plan was assigned and
// adjusted by three decisions whose totals reach the 120 bn đồng envelope. The numbers and
// dates of the decisions are invented (the record does not give them); their shape is real:
// one plan decision, an adjustment adding projects, an adjustment changing amounts.
#include "store/db.h"

namespace kc::app {

// Records the three decisions over the program's projects (their requests add up to the
// envelope). Part of the demo's transaction.
Status demo_decisions_2018(store::Connection& db, std::int64_t program_id);

// A letter for each group project of the program splitting its amount evenly (in millions)
// among its beneficiary facilities.
Status demo_group_splits(store::Connection& db, std::int64_t program_id);

// The local programme's plan decision (the province decides it): every project at its request.
Status demo_local_decision(store::Connection& db, std::int64_t program_id);

}  // namespace kc::app

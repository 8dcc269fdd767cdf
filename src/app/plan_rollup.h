#pragma once
// National and local plans rolled up: the money the decisions gave (each project's current
// amount), by year, content and region (of the project's main province), each split into the
// national programme (KCQG), the local ones (KCDP) and their sum. Decisions are published, so
// whoever reads plans reads the roll-up.
#include <nlohmann/json.hpp>

#include "app/policy.h"
#include "store/db.h"

namespace kc::app {

Result<nlohmann::json> plan_rollup(store::Connection& db, const Actor& a, int from, int to);

}  // namespace kc::app

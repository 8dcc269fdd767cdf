#pragma once
// Read-only use cases over the reference catalogues and register statistics.
#include <nlohmann/json.hpp>
#include <string>

#include "domain/list_query.h"
#include "store/db.h"

namespace kc::app {

// {"items": [{column: value, ...}], "total": N}; not_found for an unknown name.
Result<nlohmann::json> list_reference(store::Connection& db, const std::string& name);

// The versions of the data that cached answers are keyed by (store::DataVersion).
Result<store::DataVersion> data_version(store::Connection& db);

// Totals of the projects matching a query (already scoped by the caller): counts and sums,
// groups by content, kind, status and region, and expected outputs per indicator.
Result<nlohmann::json> project_totals_json(store::Connection& db, const ListQuery& q);

}  // namespace kc::app

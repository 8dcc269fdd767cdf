#pragma once
// The demo's industrial clusters, through the same use case as the API: one cluster for every
// project of the program whose acceptance counted a cluster's detailed plan or its
// infrastructure, linked to that project (so that the year's cluster projects are the
// register's own), and a few more clusters in the same provinces; then their investors'
// reports of 2025 and of the first half of 2026, compiled by the provinces.
#include "store/db.h"

namespace kc::app {

Status demo_clusters(store::Connection& db, std::int64_t program_id);

}  // namespace kc::app

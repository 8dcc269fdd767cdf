#pragma once
// The demo's typical products, through the same use case as the API: for every selection
// project of the program whose acceptance counted products recognised at regional level, that
// many products of facilities of its area, each with its certificate, so that the products
// recognised and the acceptances agree.
#include "store/db.h"

namespace kc::app {

Status demo_products(store::Connection& db, std::int64_t program_id);

}  // namespace kc::app

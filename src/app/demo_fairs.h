#pragma once
// The demo's trade fairs, through the same use cases as the API: one fair for every project of
// the program whose acceptance counted standard booths, and the booths spread over facilities
// of the fair's region, so that the booths recorded at fairs add up to the booths accepted.
#include "store/db.h"

namespace kc::app {

Status demo_fairs(store::Connection& db, std::int64_t program_id);

}  // namespace kc::app

#pragma once
// The demo's open selection round, through the same use cases as the API: this year's
// regional round of the northern area, its council of three demo appraisers, nine products
// of northern facilities nominated, and most of them scored (one member declares a conflict),
// so that the ranking is there to read and the round to conclude (the demo's accounts must
// exist).
#include "store/db.h"

namespace kc::app {

Status demo_selection(store::Connection& db);

}  // namespace kc::app

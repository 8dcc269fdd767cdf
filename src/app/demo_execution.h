#pragma once
// The demo's execution, through the same use cases as the API: the 2018 national plan
// contracted, advanced, reported, accepted (the accepted amounts adding up to the target),
// paid and settled; the 2018 local plan of Hải Phòng signed and part-way, so that the
// attention list has something to show.
#include "domain/money.h"
#include "store/db.h"

namespace kc::app {

// Every contract of the program's decisions, carried to settlement; `accepted_total` is what
// the acceptances accept in all (a few projects under-spend to reach it).
Status demo_execution_done(store::Connection& db, std::int64_t program_id, Vnd accepted_total);
// Contracts signed, the first half with one progress report, nothing accepted.
Status demo_execution_running(store::Connection& db, std::int64_t program_id);

}  // namespace kc::app

#pragma once
// The demo's 2019 round, run through both appraisal levels with the system's own use cases
// (so that every rule applies): the round opened, every proposal submitted before the closing
// date, a few returned and submitted again, the provinces' appraisal (one province with its
// council, two proposals not forwarded), the ministry's council of five appraisers with one
// conflict of interest, deterministic scores, the ranking and its conclusions.
#include <cstdint>

#include "store/db.h"

namespace kc::app {

struct DemoAppraisalReport {
  int submitted = 0, returned = 0, not_forwarded = 0, passed = 0, failed = 0;
};

// Needs build_demo's data (`program_id`: its 2019 program, DemoReport::program_2019) and the
// demo accounts. One transaction (each use case a savepoint in it).
Result<DemoAppraisalReport> run_demo_appraisal(store::Connection& db, std::int64_t program_id);

}  // namespace kc::app

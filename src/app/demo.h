#pragma once
// The demo data set: the 2018 national industrial promotion plan as the public record
// describes it, plus a 2019 round of proposals in the pipeline. Deterministic (fixed seed).
// The public figures are the generator's targets; the tests read them back through the
// register's own queries.
#include <functional>

#include "domain/money.h"
#include "store/db.h"

namespace kc::app {

struct DemoTargets2018 {
  Vnd budget_vnd = 120'000'000'000;
  int projects = 262;
  int demo_models = 34;
  int machinery_facilities = 166;
  int fair_booths = 2000;
  int regional_typical_products = 244;
  int ccn_detailed_plans = 5;
  int ccn_infrastructure = 6;
  // 99.6 % of the plan completed: the amount the acceptances accept in all.
  Vnd accepted_vnd = 119'520'000'000;
};

struct DemoReport {
  std::int64_t programs = 0, organizations = 0, facilities = 0, projects = 0;
  std::int64_t program_2019 = 0;  // the program of the 2019 round (registered as drafts)
};

// Builds the demo data set into an empty register (invalid_input when projects exist).
// One transaction. `progress(done, total)` is called per project.
Result<DemoReport> build_demo(store::Connection& db, const DemoTargets2018& targets = {},
                              const std::function<void(std::size_t, std::size_t)>& progress = {});

}  // namespace kc::app

#pragma once
// The plans made without an optimizer, for comparison (planning/baselines.cc).
#include <string>
#include <vector>

#include "planning/formulation.h"

namespace kc::planning {

// (a) By priority value (then smaller request, then code), whole requests and whole bundles,
// skipping what would break a maximum; forced-in proposals first.
Baseline rank_by_score(const Formulation& f, Vnd available, const std::vector<Vnd>& requests,
                       const std::vector<std::string>& codes);

// (b) Every proposal not excluded at the same share of its request, rounded down to the
// million đồng; "partial_funding" is a violation where the scenario does not allow it.
Baseline equal_share(const Formulation& f, Vnd available, const std::vector<Vnd>& requests,
                     double min_share);

}  // namespace kc::planning

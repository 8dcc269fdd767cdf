#pragma once
// A selection round's nominations with their aggregates (domain/appraisal.h, the round's
// criteria and pass mark, no trimming, outliers 20 points from the mean) in ranking order;
// shared by the round's view and its conclusion.
#include <vector>

#include "domain/appraisal.h"
#include "store/selection_repo.h"

namespace kc::app {

struct RankedNomination {
  store::Nomination nomination;
  Aggregate aggregate;
  int rank = 0;  // 1-based
};

// `province` not empty: only that province's nominations (ranked among all).
Result<std::vector<RankedNomination>> rank_round(store::Connection& db,
                                                 const store::SelectionRound& round,
                                                 const std::string& province = {});

}  // namespace kc::app

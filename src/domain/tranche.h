#pragma once
// A multi-year point project is planned in yearly tranches: its first year's tranche is funded
// by that year's plan, the later ones are commitments of the later years' plans.
#include <vector>

#include "domain/money.h"

namespace kc {

struct Tranche {
  int year = 0;
  Vnd amount = 0;
  bool operator==(const Tranche&) const = default;
};

// `total` spread evenly over the years first..last, each tranche rounded down to the million
// đồng and the last one taking the rest, so that the tranches add up to the total. One tranche
// when last <= first.
std::vector<Tranche> yearly_tranches(Vnd total, int first, int last);

// The tranches scaled to a first tranche of `funded` (a plan may fund part of the first year's
// request: the later years get the same share, rounded down to the đồng).
std::vector<Tranche> scaled_tranches(const std::vector<Tranche>& planned, Vnd funded);

}  // namespace kc

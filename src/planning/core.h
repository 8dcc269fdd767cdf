#pragma once
// The core approach for large rounds. The program has tens of thousands of binary columns but
// only a few dozen rows (the envelope, the limits, the bundles), so:
//  1. its LP relaxation is solved by sifting: Clp solves the LP over a working set of columns,
//     every other column is priced with the row duals, the attractive ones join, until none
//     is left — the exact LP optimum of the whole program, with its duals;
//  2. every binary column whose reduced cost is larger than the distance between the LP bound
//     and a known solution cannot change in any better solution, so it keeps its LP value;
//  3. CBC solves the rest (the core) to the requested gap; when its answer is worse than the
//     threshold assumed, the core grows by that distance and CBC runs again.
// The optimality proof is kept: the bound reported is the larger of CBC's bound on the core
// and the LP bound less the smallest reduced cost fixed away.
#include <cstddef>

#include "planning/mip.h"

namespace kc::planning {

struct CoreStats {
  std::size_t lp_rounds = 0;    // sifting rounds
  std::size_t working_set = 0;  // columns in the last LP
  std::size_t core = 0;         // columns left to CBC in the last round
  std::size_t core_rounds = 0;  // CBC runs
  double lp_bound = 0;          // the LP relaxation's optimum
  bool fell_back = false;       // the whole program went to CBC
};

// Solves `m` (maximising) exactly to o.gap; programs with fewer than `min_columns` columns, or
// without an objective, go straight to `exact`.
MipResult solve_by_core(const Mip& m, const MipOptions& o, MipSolver& exact,
                        std::size_t min_columns = 2000, CoreStats* stats = nullptr);

// The plan builder's solver: the core approach in front of CBC.
MipSolver& core_solver();

}  // namespace kc::planning

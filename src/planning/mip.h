#pragma once
// The formulation as a mixed-integer program: columns, rows, bounds and objective, which a
// solver takes and the LP file writes out. Columns: x_i (fund the whole request, binary); with
// partial funding also z_i (fund a part, binary) and p_i (the part, whole millions).
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "planning/formulation.h"

namespace kc::planning {

struct Mip {
  std::vector<std::string> col_names;
  std::vector<double> col_lo, col_hi, obj;
  std::vector<bool> integer;
  std::vector<std::string> row_names;
  std::vector<double> row_lo, row_hi;
  std::vector<std::vector<std::pair<int, double>>> rows;  // row-wise terms
  std::vector<std::string> col_notes;                     // the proposal code of each column
};

// What a particular solve changes from the formulation: fixes (forcing one proposal in or out
// to explain it) and groups switched off (to find which limits conflict).
struct Variant {
  std::vector<Fix> fix;       // empty: the formulation's own
  std::vector<bool> rows_on;  // empty: every row
  bool bundles_on = true;
  bool zero_objective = false;  // a feasibility check
};

Mip build_mip(const Formulation& f, const std::vector<std::string>& codes, const Variant& v = {});

// Column indices of candidate i's variables.
inline int x_col(std::size_t i) {
  return static_cast<int>(i);
}
inline int z_col(const Formulation& f, std::size_t i) {
  return static_cast<int>(f.size() + i);
}
inline int p_col(const Formulation& f, std::size_t i) {
  return static_cast<int>(2 * f.size() + i);
}

// Writes the program as a CPLEX LP file (read by `cbc` and `glpsol --lp`), maximising.
void write_lp(const Mip& m, std::ostream& out);

// A solver's answer in column values.
struct MipResult {
  Status status = Status::infeasible;
  std::vector<double> columns;
  double objective = 0;
  double bound = 0;
};

struct MipOptions {
  double time_limit_s = 30;
  double gap = 0.0001;
};

// The solver interface: CBC (planning/cbc_solver.cc) behind it.
class MipSolver {
 public:
  virtual ~MipSolver() = default;
  virtual MipResult solve(const Mip& m, const MipOptions& o) = 0;
};
MipSolver& cbc_solver();

}  // namespace kc::planning

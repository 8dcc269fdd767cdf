// The MIP solver: COIN-OR CBC through its C interface, single-threaded (the same input gives
// the same answer), silent, with a time limit and a relative gap. CBC 2.10 keeps state that
// two solves on two threads at once corrupt (seen: answers missing, stray output), so solves
// take one lock: two users solving at once wait for each other, which at a few hundred
// proposals is a fraction of a second.
#include <coin/Cbc_C_Interface.h>

#include <memory>
#include <mutex>

#include "planning/mip.h"

namespace kc::planning {
namespace {

struct ModelDeleter {
  void operator()(Cbc_Model* m) const { Cbc_deleteModel(m); }
};

class Cbc final : public MipSolver {
  std::mutex lock_;

 public:
  MipResult solve(const Mip& m, const MipOptions& o) override {
    std::lock_guard<std::mutex> one_at_a_time(lock_);
    const int cols = static_cast<int>(m.col_names.size());
    const int rows = static_cast<int>(m.rows.size());
    // Column-wise (compressed sparse column) from the row-wise terms.
    std::vector<CoinBigIndex> start(cols + 1, 0);
    for (const auto& r : m.rows)
      for (auto [c, a] : r) ++start[c + 1];
    for (int c = 0; c < cols; ++c) start[c + 1] += start[c];
    std::vector<int> index(start[cols]);
    std::vector<double> value(start[cols]);
    std::vector<CoinBigIndex> next(start.begin(), start.end() - 1);
    for (int r = 0; r < rows; ++r)
      for (auto [c, a] : m.rows[r]) index[next[c]] = r, value[next[c]++] = a;

    std::unique_ptr<Cbc_Model, ModelDeleter> model(Cbc_newModel());
    Cbc_Model* cbc = model.get();
    Cbc_loadProblem(cbc, cols, rows, start.data(), index.data(), value.data(), m.col_lo.data(),
                    m.col_hi.data(), m.obj.data(), m.row_lo.data(),
                    m.row_hi.data());  // 1e30 is CBC's infinity too
    for (int c = 0; c < cols; ++c)
      if (m.integer[c]) Cbc_setInteger(cbc, c);
    Cbc_setObjSense(cbc, -1);  // maximise
    Cbc_setLogLevel(cbc, 0);
    Cbc_setMaximumSeconds(cbc, o.time_limit_s);
    Cbc_setAllowableFractionGap(cbc, o.gap);
    Cbc_solve(cbc);

    MipResult out;
    const double* best = Cbc_bestSolution(cbc);
    if (Cbc_isProvenInfeasible(cbc) && !best) {
      out.status = Status::infeasible;
      return out;
    }
    if (!best) {
      out.status = Status::time_limit;
      return out;
    }
    out.columns.assign(best, best + cols);
    out.objective = Cbc_getObjValue(cbc);
    out.bound = Cbc_getBestPossibleObjValue(cbc);
    out.status = Cbc_isProvenOptimal(cbc) ? Status::optimal : Status::feasible;
    return out;
  }
};

}  // namespace

MipSolver& cbc_solver() {
  static Cbc solver;
  return solver;
}

}  // namespace kc::planning

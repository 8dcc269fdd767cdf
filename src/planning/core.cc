#include "planning/core.h"

#include <coin/Clp_C_Interface.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <memory>
#include <mutex>

namespace kc::planning {
namespace {

using Clock = std::chrono::steady_clock;

// The program column by column: pricing and sub-programs read columns.
struct ByColumn {
  std::vector<std::size_t> start;
  std::vector<int> row;
  std::vector<double> value;
};

ByColumn by_column(const Mip& m) {
  const std::size_t cols = m.col_names.size();
  ByColumn c;
  c.start.assign(cols + 1, 0);
  for (const auto& r : m.rows)
    for (auto [j, a] : r) ++c.start[static_cast<std::size_t>(j) + 1];
  for (std::size_t j = 0; j < cols; ++j) c.start[j + 1] += c.start[j];
  c.row.resize(c.start[cols]);
  c.value.resize(c.start[cols]);
  std::vector<std::size_t> next(c.start.begin(), c.start.end() - 1);
  for (std::size_t i = 0; i < m.rows.size(); ++i)
    for (auto [j, a] : m.rows[i]) {
      auto& at = next[static_cast<std::size_t>(j)];
      c.row[at] = static_cast<int>(i), c.value[at++] = a;
    }
  return c;
}

bool binary(const Mip& m, std::size_t j) {
  return m.integer[j] && m.col_lo[j] >= 0 && m.col_hi[j] <= 1 && m.col_lo[j] < m.col_hi[j];
}

struct ClpFree {
  void operator()(Clp_Simplex* s) const { Clp_deleteModel(s); }
};

struct Lp {
  bool optimal = false, infeasible = false;
  double objective = 0;       // maximising
  std::vector<double> x;      // per column of the working set
  std::vector<double> duals;  // per row, of the minimising form (objective -c)
};

// The LP relaxation over the columns `w`, every other column held at 0.
Lp solve_lp(const Mip& m, const ByColumn& bc, const std::vector<int>& w) {
  const int rows = static_cast<int>(m.rows.size()), n = static_cast<int>(w.size());
  std::vector<CoinBigIndex> start(static_cast<std::size_t>(n) + 1, 0);
  std::vector<int> index;
  std::vector<double> value, lo, hi, obj;
  for (int k = 0; k < n; ++k) {
    auto j = static_cast<std::size_t>(w[static_cast<std::size_t>(k)]);
    for (auto p = bc.start[j]; p < bc.start[j + 1]; ++p)
      index.push_back(bc.row[p]), value.push_back(bc.value[p]);
    start[static_cast<std::size_t>(k) + 1] = static_cast<CoinBigIndex>(index.size());
    lo.push_back(m.col_lo[j]), hi.push_back(m.col_hi[j]), obj.push_back(-m.obj[j]);
  }
  index.push_back(0), value.push_back(0);  // never empty arrays
  std::unique_ptr<Clp_Simplex, ClpFree> clp(Clp_newModel());
  Clp_setLogLevel(clp.get(), 0);
  Clp_loadProblem(clp.get(), n, rows, start.data(), index.data(), value.data(), lo.data(),
                  hi.data(), obj.data(), m.row_lo.data(), m.row_hi.data());
  Clp_setOptimizationDirection(clp.get(), 1);
  Clp_dual(clp.get(), 0);
  Lp out;
  const int status = Clp_status(clp.get());
  out.optimal = status == 0;
  out.infeasible = status == 1;
  if (!out.optimal) return out;
  out.objective = -Clp_objectiveValue(clp.get());
  const double* x = Clp_primalColumnSolution(clp.get());
  out.x.assign(x, x + n);
  const double* y = Clp_dualRowSolution(clp.get());
  out.duals.assign(y, y + rows);
  return out;
}

// The reduced cost of column j in the minimising form: -c_j - y·A_j.
double reduced_cost(const Mip& m, const ByColumn& bc, const std::vector<double>& y, std::size_t j) {
  double r = -m.obj[j];
  for (auto p = bc.start[j]; p < bc.start[j + 1]; ++p)
    r -= y[static_cast<std::size_t>(bc.row[p])] * bc.value[p];
  return r;
}

class WorkingSet {
 public:
  explicit WorkingSet(const Mip& m) : m_(m), in_(m.col_names.size(), 0) {}
  void add(std::size_t j) {
    if (!in_[j]) in_[j] = 1, columns_.push_back(static_cast<int>(j));
  }
  bool has(std::size_t j) const { return in_[j] != 0; }
  // A column tied to others by an equality row (a bundle) brings them along.
  void close_equalities() {
    for (bool grew = true; grew;) {
      grew = false;
      for (std::size_t i = 0; i < m_.rows.size(); ++i) {
        if (m_.row_lo[i] != m_.row_hi[i]) continue;
        bool any = false, all = true;
        for (auto [j, a] : m_.rows[i]) {
          const bool here = has(static_cast<std::size_t>(j));
          any = any || here;
          all = all && here;
        }
        if (any && !all) {
          for (auto [j, a] : m_.rows[i]) add(static_cast<std::size_t>(j));
          grew = true;
        }
      }
    }
  }
  const std::vector<int>& columns() const { return columns_; }
  std::size_t size() const { return columns_.size(); }

 private:
  const Mip& m_;
  std::vector<char> in_;
  std::vector<int> columns_;
};

// The first working set: every column that is not a 0/1 choice or is held above 0, the most
// valuable per unit of weight, and enough of each floor's columns to meet it twice over.
void seed(const Mip& m, const ByColumn& bc, WorkingSet& w) {
  const std::size_t cols = m.col_names.size();
  std::vector<double> density(cols, 0);
  for (std::size_t j = 0; j < cols; ++j) {
    if (!binary(m, j) || m.col_lo[j] > 0) w.add(j);
    double weight = 1e-9;
    for (auto p = bc.start[j]; p < bc.start[j + 1]; ++p) weight += std::abs(bc.value[p]);
    density[j] = m.obj[j] / weight;
  }
  std::vector<std::size_t> order(cols);
  for (std::size_t j = 0; j < cols; ++j) order[j] = j;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return density[a] > density[b]; });
  const std::size_t first = std::min(cols, 1000 + 2 * m.rows.size());
  for (std::size_t k = 0; k < first; ++k) w.add(order[k]);
  for (std::size_t i = 0; i < m.rows.size(); ++i) {
    if (m.row_lo[i] <= 0 || m.row_lo[i] >= kInfinity) continue;
    std::vector<std::pair<int, double>> terms = m.rows[i];
    std::stable_sort(terms.begin(), terms.end(), [&](const auto& a, const auto& b) {
      return density[static_cast<std::size_t>(a.first)] >
             density[static_cast<std::size_t>(b.first)];
    });
    double covered = 0;
    for (auto [j, a] : terms) {
      if (covered >= 2 * m.row_lo[i]) break;
      w.add(static_cast<std::size_t>(j));
      covered += std::max(a, 0.0) * m.col_hi[static_cast<std::size_t>(j)];
    }
  }
  w.close_equalities();
}

// The whole program's LP optimum by sifting; x over all columns (0 outside the working set)
// and the duals. nullopt-like: `ok` false when Clp did not answer.
struct FullLp {
  bool ok = false, infeasible = false;
  double objective = 0;
  std::vector<double> x, duals;
};

FullLp sift(const Mip& m, const ByColumn& bc, CoreStats& stats) {
  const std::size_t cols = m.col_names.size();
  WorkingSet w(m);
  seed(m, bc, w);
  double scale = 1;
  for (double c : m.obj) scale = std::max(scale, std::abs(c));
  const double tol = 1e-9 * scale;
  FullLp out;
  for (;;) {
    ++stats.lp_rounds;
    Lp lp = solve_lp(m, bc, w.columns());
    stats.working_set = w.size();
    if (lp.infeasible && w.size() < cols) {  // the floors need more columns: take them all
      for (std::size_t j = 0; j < cols; ++j) w.add(j);
      continue;
    }
    if (lp.infeasible) {
      out.infeasible = true;
      return out;
    }
    if (!lp.optimal) return out;
    std::vector<std::pair<double, std::size_t>> attractive;
    for (std::size_t j = 0; j < cols; ++j)
      if (!w.has(j))
        if (double r = reduced_cost(m, bc, lp.duals, j); r < -tol) attractive.emplace_back(r, j);
    if (attractive.empty()) {
      out.ok = true;
      out.objective = lp.objective;
      out.x.assign(cols, 0);
      for (std::size_t k = 0; k < w.size(); ++k)
        out.x[static_cast<std::size_t>(w.columns()[k])] = lp.x[k];
      out.duals = std::move(lp.duals);
      return out;
    }
    std::stable_sort(attractive.begin(), attractive.end());
    const std::size_t take = std::min(attractive.size(), std::max<std::size_t>(200, w.size() / 2));
    for (std::size_t k = 0; k < take; ++k) w.add(attractive[k].second);
    w.close_equalities();
  }
}

// The program restricted to `core` columns, the others fixed at `fixed` (their contribution
// moved into the row bounds); `constant` receives their objective.
Mip restrict_to(const Mip& m, const std::vector<char>& in_core, const std::vector<double>& fixed,
                std::vector<int>& core_of, double& constant) {
  Mip sub;
  const std::size_t cols = m.col_names.size();
  core_of.assign(cols, -1);
  constant = 0;
  for (std::size_t j = 0; j < cols; ++j) {
    if (!in_core[j]) {
      constant += m.obj[j] * fixed[j];
      continue;
    }
    core_of[j] = static_cast<int>(sub.col_names.size());
    sub.col_names.push_back(m.col_names[j]);
    sub.col_lo.push_back(m.col_lo[j]);
    sub.col_hi.push_back(m.col_hi[j]);
    sub.obj.push_back(m.obj[j]);
    sub.integer.push_back(m.integer[j]);
    sub.col_notes.push_back(m.col_notes[j]);
  }
  for (std::size_t i = 0; i < m.rows.size(); ++i) {
    double moved = 0;
    std::vector<std::pair<int, double>> terms;
    for (auto [j, a] : m.rows[i]) {
      auto c = static_cast<std::size_t>(j);
      if (in_core[c])
        terms.emplace_back(core_of[c], a);
      else
        moved += a * fixed[c];
    }
    sub.row_names.push_back(m.row_names[i]);
    sub.rows.push_back(std::move(terms));
    sub.row_lo.push_back(m.row_lo[i] <= -kInfinity ? -kInfinity : m.row_lo[i] - moved);
    sub.row_hi.push_back(m.row_hi[i] >= kInfinity ? kInfinity : m.row_hi[i] - moved);
  }
  return sub;
}

}  // namespace

MipResult solve_by_core(const Mip& m, const MipOptions& o, MipSolver& exact,
                        std::size_t min_columns, CoreStats* stats_out) {
  CoreStats stats;
  const auto started = Clock::now();
  const std::size_t cols = m.col_names.size();
  const bool has_objective =
      std::any_of(m.obj.begin(), m.obj.end(), [](double c) { return c != 0; });
  auto fall_back = [&] {
    stats.fell_back = true;
    if (stats_out) *stats_out = stats;
    return exact.solve(m, o);
  };
  if (cols < min_columns || !has_objective) return fall_back();
  const ByColumn bc = by_column(m);
  FullLp lp = sift(m, bc, stats);
  stats.lp_bound = lp.objective;
  if (lp.infeasible) {  // the relaxation has no solution: neither has the program
    if (stats_out) *stats_out = stats;
    return MipResult{};
  }
  if (!lp.ok) return fall_back();

  // How far each 0/1 column's LP value is from moving: its reduced cost towards the other bound;
  // fractional columns and the other columns always stay in the core.
  constexpr double kAlways = -1;
  std::vector<double> slack(cols, kAlways), fixed(cols, 0);
  std::vector<double> candidates;
  for (std::size_t j = 0; j < cols; ++j) {
    if (m.col_lo[j] == m.col_hi[j]) {
      slack[j] = std::numeric_limits<double>::infinity(), fixed[j] = m.col_lo[j];
      continue;
    }
    if (!binary(m, j)) continue;
    const double x = lp.x[j], r = reduced_cost(m, bc, lp.duals, j);
    if (x <= 1e-6)
      slack[j] = std::max(0.0, r), fixed[j] = 0;
    else if (x >= 1 - 1e-6)
      slack[j] = std::max(0.0, -r), fixed[j] = 1;
    else
      continue;
    candidates.push_back(slack[j]);
  }
  const double tol = 1e-7 * std::max(1.0, std::abs(lp.objective));
  // First guess: the few thousand columns nearest to moving.
  const std::size_t want = 500 + m.rows.size();
  double threshold = 0;
  if (!candidates.empty()) {
    auto nth =
        candidates.begin() + static_cast<std::ptrdiff_t>(std::min(want, candidates.size()) - 1);
    std::nth_element(candidates.begin(), nth, candidates.end());
    threshold = *nth;
  }
  for (int round = 0; round < 4; ++round) {
    std::vector<char> in_core(cols, 0);
    double smallest_fixed = std::numeric_limits<double>::infinity();
    for (std::size_t j = 0; j < cols; ++j) {
      in_core[j] = slack[j] == kAlways || (slack[j] <= threshold);
      if (!in_core[j] && slack[j] != std::numeric_limits<double>::infinity())
        smallest_fixed = std::min(smallest_fixed, slack[j]);
    }
    std::vector<int> core_of;
    double constant = 0;
    Mip sub = restrict_to(m, in_core, fixed, core_of, constant);
    stats.core = sub.col_names.size();
    ++stats.core_rounds;
    MipOptions so = o;
    so.time_limit_s =
        o.time_limit_s - std::chrono::duration<double>(Clock::now() - started).count();
    if (so.time_limit_s <= 0) return fall_back();
    MipResult r = exact.solve(sub, so);
    if (r.status == Status::infeasible || r.status == Status::time_limit) {
      if (smallest_fixed == std::numeric_limits<double>::infinity()) return fall_back();
      threshold = std::max(2 * threshold, smallest_fixed) + tol;  // a larger core
      continue;
    }
    const double value = r.objective + constant;
    if (lp.objective - smallest_fixed <= value + tol) {  // nothing fixed could do better
      MipResult out;
      out.status = r.status;
      out.objective = value;
      out.bound = std::max(r.bound + constant, lp.objective - smallest_fixed);
      out.columns = fixed;
      for (std::size_t j = 0; j < cols; ++j)
        if (core_of[j] >= 0) out.columns[j] = r.columns[static_cast<std::size_t>(core_of[j])];
      if (stats_out) *stats_out = stats;
      return out;
    }
    threshold = lp.objective - value + tol;  // every column that could still matter
  }
  return fall_back();
}

namespace {

class Core final : public MipSolver {
 public:
  MipResult solve(const Mip& m, const MipOptions& o) override {
    std::lock_guard<std::mutex> one_at_a_time(lock_);
    return solve_by_core(m, o, cbc_solver());
  }

 private:
  std::mutex lock_;
};

}  // namespace

MipSolver& core_solver() {
  static Core solver;
  return solver;
}

}  // namespace kc::planning

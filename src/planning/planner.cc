#include "planning/planner.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <functional>

#include "planning/baselines.h"
#include "planning/formulation.h"

namespace kc::planning {
namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point t) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

struct Context {
  const Problem& p;
  const Formulation& f;
  std::vector<std::string> codes;
  std::vector<Vnd> requests;
  MipSolver& solver;
};

std::vector<Vnd> amounts_of(const Context& c, const MipResult& r) {
  const auto& f = c.f;
  std::vector<Vnd> out(f.size(), 0);
  if (r.columns.empty()) return out;
  for (std::size_t i = 0; i < f.size(); ++i) {
    if (r.columns[x_col(i)] > 0.5)
      out[i] = c.requests[i];
    else if (f.partial && r.columns[z_col(f, i)] > 0.5)
      out[i] = static_cast<Vnd>(std::llround(r.columns[p_col(f, i)])) * static_cast<Vnd>(kMillion);
  }
  return out;
}

MipResult run(const Context& c, const Variant& v, double time_limit_s) {
  Mip m = build_mip(c.f, c.codes, v);
  MipOptions o{time_limit_s, c.p.scenario.gap};
  return c.solver.solve(m, o);
}

// Deletion filter: switch each group off in turn and keep it off while the rest stays
// infeasible; what remains cannot hold together, and every group in it is needed for that.
std::vector<std::string> find_conflicts(const Context& c, double time_limit_s) {
  const auto& f = c.f;
  Variant v;
  v.fix = f.fix;
  v.rows_on.assign(f.rows.size(), true);
  v.zero_objective = true;
  auto infeasible = [&]() { return run(c, v, time_limit_s).status == Status::infeasible; };
  std::vector<std::string> out;
  for (std::size_t r = 0; r < f.rows.size(); ++r) {
    v.rows_on[r] = false;
    if (infeasible()) continue;
    v.rows_on[r] = true;
    const Row& row = f.rows[r];
    if (row.hi < kInfinity) out.push_back(side_name(row, true));
    if (row.lo > -kInfinity) out.push_back(side_name(row, false));
  }
  for (std::size_t i = 0; i < f.size(); ++i) {
    if (f.fix[i] != Fix::in) continue;
    v.fix[i] = Fix::free;
    if (infeasible()) continue;
    v.fix[i] = Fix::in;
    out.push_back("force_in:" + c.codes[i]);
  }
  if (!f.bundles.empty()) {
    v.bundles_on = false;
    if (!infeasible()) out.push_back("bundles");
    v.bundles_on = true;
  }
  return out;
}

struct Usage {
  std::vector<double> rows;  // million đồng counted in each row
};

Usage usage_of(const Formulation& f, const std::vector<Vnd>& amounts) {
  Usage u{std::vector<double>(f.rows.size(), 0)};
  for (std::size_t r = 0; r < f.rows.size(); ++r)
    for (auto [i, frac] : f.rows[r].terms)
      u.rows[r] += frac * static_cast<double>(amounts[i]) / kMillion;
  return u;
}

// The reason an unfunded proposal is out, read off the optimal allocation: a limit that has no
// room for it (or its bundle), else the bundle's size, else the envelope.
void reason_from_room(const Formulation& f, const Usage& u, std::size_t i, Unfunded& out) {
  auto group = f.group_of(i);
  std::vector<std::pair<std::size_t, double>> need;  // row, million đồng the group adds
  for (auto j : group)
    for (auto [r, frac] : f.rows_of[j]) need.emplace_back(r, frac * f.request_m[j]);
  auto needed = [&](std::size_t r) {
    double sum = 0;
    for (auto [row, m] : need) sum += row == r ? m : 0;
    return sum;
  };
  for (auto [r, frac] : f.rows_of[i]) {
    if (r == 0 || f.rows[r].hi >= kInfinity) continue;
    if (u.rows[r] + needed(r) > f.rows[r].hi + 1e-6) {
      out.reason = Reason::limit, out.limit = f.rows[r].name;
      return;
    }
  }
  double room = f.rows[0].hi - u.rows[0];
  if (group.size() > 1 && needed(0) > room + 1e-6 && f.request_m[i] <= room + 1e-6) {
    out.reason = Reason::bundle;
    return;
  }
  out.reason = Reason::envelope;
}

// Why forcing i in is impossible: the first row whose removal makes it possible.
void reason_when_impossible(const Context& c, std::size_t i, double time_limit_s, Unfunded& out) {
  const auto& f = c.f;
  Variant v;
  v.fix = f.fix;
  v.fix[i] = Fix::in;
  v.rows_on.assign(f.rows.size(), true);
  v.zero_objective = true;
  out.reason = f.group_of(i).size() > 1 ? Reason::bundle : Reason::limit;
  for (auto [r, frac] : f.rows_of[i]) {
    v.rows_on[r] = false;
    bool possible = run(c, v, time_limit_s).status != Status::infeasible;
    v.rows_on[r] = true;
    if (possible) {
      out.reason = r == 0 ? Reason::envelope : Reason::limit;
      out.limit = r == 0 ? "" : f.rows[r].name;
      return;
    }
  }
}

// Each explanation is an independent re-solve. They run one after the other: CBC 2.10 is not
// safe to run on two threads at once (tried: answers went missing), so the time budget is
// what bounds a large round.
void explain(const Context& c, Answer& a, double budget_s) {
  const auto& f = c.f;
  auto t0 = Clock::now();
  auto left = [&]() { return budget_s - ms_since(t0) / 1000; };
  bool complete = true;
  auto why_out = [&](Unfunded& un) {
    if (left() <= 0) return void(complete = false);
    Variant v;
    v.fix = f.fix;
    v.fix[un.index] = Fix::in;
    auto r = run(c, v, std::max(left(), 0.1));
    if (r.status == Status::infeasible)
      return reason_when_impossible(c, un.index, std::max(left(), 0.1), un);
    if (r.columns.empty()) return void(complete = false);
    double loss = std::max(0.0, a.value - r.objective);
    un.loss_if_forced = loss;
    double per_unit = f.objective == Objective::score ? 1 : f.request_m[un.index] / 1000;
    un.value_needed = f.value[un.index] + (per_unit > 0 ? loss / per_unit : 0);
  };
  auto cost_of_dropping = [&](Funded& fu) {
    if (left() <= 0) return void(complete = false);
    Variant v;
    v.fix = f.fix;
    v.fix[fu.index] = Fix::out;
    auto r = run(c, v, std::max(left(), 0.1));
    if (!r.columns.empty()) fu.loss_if_dropped = std::max(0.0, a.value - r.objective);
  };
  std::vector<std::function<void()>> tasks;
  for (auto& un : a.unfunded)
    if (f.fix[un.index] != Fix::out) tasks.emplace_back([&] { why_out(un); });
  for (auto& fu : a.funded)
    if (f.fix[fu.index] != Fix::in) tasks.emplace_back([&] { cost_of_dropping(fu); });
  for (auto& task : tasks) task();
  a.explained = complete;
}

}  // namespace

Answer plan(const Problem& p, const PlanOptions& o, MipSolver& solver) {
  auto t0 = Clock::now();
  Formulation f = formulate(p);
  Context c{p, f, {}, {}, solver};
  for (const auto& cand : p.candidates) {
    c.codes.push_back(cand.code);
    c.requests.push_back(cand.request);
  }
  Answer a;
  a.envelope = p.envelope;
  for (const auto& cm : p.commitments) a.commitments += cm.amount;
  Vnd available = p.envelope - a.commitments;
  a.baselines.push_back(rank_by_score(f, available, c.requests, c.codes));
  a.baselines.push_back(equal_share(f, available, c.requests, p.scenario.partial_min_share));

  // No warm start from baseline (a): measured on the benchmark's 10,000-proposal instance,
  // CBC proved optimality faster without it (1.4 s against 1.8–2.0 s), with a smaller gap.
  auto r = run(c, {}, p.scenario.time_limit_s);
  a.status = r.status;
  if (r.status == Status::infeasible) {
    a.conflicts = find_conflicts(c, std::max(1.0, p.scenario.time_limit_s / 4));
    a.solve_ms = ms_since(t0);
    return a;
  }
  auto amounts = amounts_of(c, r);
  a.value = r.columns.empty() ? 0 : f.objective_of(amounts);
  a.gap = r.columns.empty()
              ? 0
              : std::max(0.0, r.bound - r.objective) / std::max(1e-9, std::abs(r.objective));
  for (std::size_t i = 0; i < f.size(); ++i) {
    if (amounts[i] > 0) {
      a.allocated += amounts[i];
      double m = static_cast<double>(amounts[i]) / kMillion;
      double v =
          amounts[i] == c.requests[i] ? f.whole_coefficient(i) : f.partial_coefficient(i) * m;
      a.funded.push_back({i, amounts[i], v, std::nullopt});
    } else {
      Unfunded u{i, Reason::envelope, "", std::nullopt, std::nullopt};
      if (f.fix[i] == Fix::out) u.reason = f.fixed_out_reason[i];
      a.unfunded.push_back(std::move(u));
    }
  }
  // The reason each proposal is out, read off the allocation (no re-solve needed).
  Usage u = usage_of(f, amounts);
  for (auto& un : a.unfunded)
    if (f.fix[un.index] != Fix::out) reason_from_room(f, u, un.index, un);
  if (o.explain && !r.columns.empty())
    explain(c, a, o.explain_budget_s);
  else
    a.explained = false;
  a.solve_ms = ms_since(t0);
  return a;
}

void write_model(const Problem& p, std::ostream& out) {
  Formulation f = formulate(p);
  std::vector<std::string> codes;
  for (const auto& c : p.candidates) codes.push_back(c.code);
  write_lp(build_mip(f, codes), out);
}

}  // namespace kc::planning

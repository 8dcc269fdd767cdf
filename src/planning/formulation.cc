#include "planning/formulation.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace kc::planning {

std::optional<Dim> dim_from(std::string_view name) {
  for (std::size_t i = 0; i < kDimNames.size(); ++i)
    if (kDimNames[i] == name) return static_cast<Dim>(i);
  return std::nullopt;
}

std::string_view name_of(Dim d) {
  return kDimNames[static_cast<std::size_t>(d)];
}

std::string_view name_of(Status s) {
  constexpr std::string_view names[] = {"optimal", "feasible", "infeasible", "time_limit"};
  return names[static_cast<int>(s)];
}

std::string_view name_of(Reason r) {
  constexpr std::string_view names[] = {"envelope", "limit", "bundle", "forced_out", "not_passed"};
  return names[static_cast<int>(r)];
}

std::string side_name(const Row& r, bool upper) {
  return r.name + (upper ? " max" : " min");
}

double Formulation::whole_coefficient(std::size_t i) const {
  return objective == Objective::score ? value[i] : value[i] * request_m[i] / 1000;
}

double Formulation::partial_coefficient(std::size_t i) const {
  if (objective == Objective::score) return request_m[i] > 0 ? value[i] / request_m[i] : 0;
  return value[i] / 1000;
}

double Formulation::objective_of(const std::vector<Vnd>& amounts) const {
  double total = 0;
  for (std::size_t i = 0; i < size(); ++i) {
    if (amounts[i] <= 0) continue;
    double m = static_cast<double>(amounts[i]) / kMillion;
    total += m >= request_m[i] - 1e-9 ? whole_coefficient(i) : partial_coefficient(i) * m;
  }
  return total;
}

std::vector<std::string> Formulation::violations(const std::vector<Vnd>& amounts) const {
  std::vector<std::string> out;
  for (const auto& r : rows) {
    double sum = 0;
    for (auto [i, f] : r.terms) sum += f * static_cast<double>(amounts[i]) / kMillion;
    if (r.hi < kInfinity && sum > r.hi + 1e-6) out.push_back(side_name(r, true));
    if (r.lo > -kInfinity && sum < r.lo - 1e-6) out.push_back(side_name(r, false));
  }
  return out;
}

namespace {

bool has_key(const Candidate& c, Dim d, const std::string& key) {
  for (const auto& s : c.shares[static_cast<std::size_t>(d)])
    if (s.key == key) return true;
  return false;
}

double priority_value(const Candidate& c, const std::vector<Weight>& weights) {
  double v = c.score;
  for (const auto& w : weights)
    if (has_key(c, w.dim, w.key)) v *= w.factor;
  return v;
}

double money_m(Vnd v) {
  return static_cast<double>(v) / kMillion;
}

// The limit's bounds in million đồng: the tighter of the amount and the share of the envelope.
std::pair<double, double> bounds(const Limit& l, Vnd envelope) {
  double lo = -kInfinity, hi = kInfinity;
  if (l.max_vnd) hi = money_m(*l.max_vnd);
  if (l.max_share) hi = std::min(hi, *l.max_share * money_m(envelope));
  if (l.min_vnd) lo = money_m(*l.min_vnd);
  if (l.min_share) lo = std::max(lo, *l.min_share * money_m(envelope));
  return {lo, hi};
}

void add_limit_rows(const Problem& p, Formulation& f) {
  for (const auto& l : p.scenario.limits) {
    auto d = static_cast<std::size_t>(l.dim);
    std::set<std::string> keys;
    if (l.key == "*") {
      for (const auto& c : p.candidates)
        for (const auto& s : c.shares[d]) keys.insert(s.key);
    } else {
      keys.insert(l.key);
    }
    auto [lo, hi] = bounds(l, p.envelope);
    for (const auto& key : keys) {
      Row r{std::string(name_of(l.dim)) + ":" + key, {}, lo, hi, true};
      for (std::size_t i = 0; i < p.candidates.size(); ++i)
        for (const auto& s : p.candidates[i].shares[d])
          if (s.key == key) r.terms.emplace_back(i, s.fraction);
      f.rows.push_back(std::move(r));
    }
  }
}

}  // namespace

Formulation formulate(const Problem& p) {
  Formulation f;
  const auto& s = p.scenario;
  const std::size_t n = p.candidates.size();
  f.objective = s.objective;
  f.fix.assign(n, Fix::free);
  f.fixed_out_reason.assign(n, Reason::envelope);
  Vnd committed = 0;
  for (const auto& c : p.commitments) committed += c.amount;
  Row envelope{"envelope", {}, -kInfinity, money_m(p.envelope - committed), false};
  for (std::size_t i = 0; i < n; ++i) {
    const auto& c = p.candidates[i];
    f.value.push_back(priority_value(c, s.weights));
    f.request_m.push_back(money_m(c.request));
    envelope.terms.emplace_back(i, 1.0);
    if (!c.passed) f.fix[i] = Fix::out, f.fixed_out_reason[i] = Reason::not_passed;
  }
  f.rows.push_back(std::move(envelope));
  add_limit_rows(p, f);

  std::map<std::string, std::vector<std::size_t>> by_bundle;
  for (std::size_t i = 0; i < n; ++i)
    if (!p.candidates[i].bundle.empty()) by_bundle[p.candidates[i].bundle].push_back(i);
  for (auto& [name, members] : by_bundle) {
    if (!s.bundles_all_or_none || members.size() < 2) continue;
    bool broken = std::any_of(members.begin(), members.end(),
                              [&](std::size_t i) { return !p.candidates[i].passed; });
    for (auto i : members)
      if (broken && p.candidates[i].passed)
        f.fix[i] = Fix::out, f.fixed_out_reason[i] = Reason::bundle;
    f.bundles.push_back(members);
  }
  std::map<std::string, std::size_t> by_code;
  for (std::size_t i = 0; i < n; ++i) by_code[p.candidates[i].code] = i;
  for (const auto& code : s.force_out)
    if (auto it = by_code.find(code); it != by_code.end())
      f.fix[it->second] = Fix::out, f.fixed_out_reason[it->second] = Reason::forced_out;
  for (const auto& code : s.force_in)
    if (auto it = by_code.find(code); it != by_code.end() && f.fix[it->second] == Fix::free)
      f.fix[it->second] = Fix::in;

  f.rows_of.assign(n, {});
  for (std::size_t r = 0; r < f.rows.size(); ++r)
    for (auto [i, frac] : f.rows[r].terms) f.rows_of[i].emplace_back(r, frac);
  f.bundle_of.assign(n, -1);
  for (std::size_t b = 0; b < f.bundles.size(); ++b)
    for (auto i : f.bundles[b]) f.bundle_of[i] = static_cast<int>(b);

  f.partial = s.partial_allowed;
  if (f.partial) {
    for (std::size_t i = 0; i < n; ++i) {
      // A part is a whole number of millions, at least the minimum share, below the request.
      auto lo = static_cast<std::int64_t>(std::ceil(s.partial_min_share * f.request_m[i] - 1e-9));
      auto hi = static_cast<std::int64_t>(std::ceil(f.request_m[i] - 1e-9)) - 1;
      f.partial_min_m.push_back(std::max<std::int64_t>(lo, 1));
      f.partial_max_m.push_back(hi);
    }
  }
  return f;
}

}  // namespace kc::planning

// The two ways plans are made without an optimizer, computed beside every solve so the
// department sees what the optimizer gained: (a) rank by priority value and fund whole
// requests until the money ends, skipping whatever would break a limit; (b) fund every passed
// proposal at the same share of its request.
#include "planning/baselines.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace kc::planning {
namespace {

Baseline finish(const Formulation& f, std::string name, std::vector<Vnd> amounts, Vnd available) {
  Baseline b;
  b.name = std::move(name);
  b.value = f.objective_of(amounts);
  b.allocated = std::accumulate(amounts.begin(), amounts.end(), Vnd{0});
  b.unused = available - b.allocated;
  b.violations = f.violations(amounts);
  b.amounts = std::move(amounts);
  return b;
}

// Whether funding `group` whole keeps every row's maximum (rows in million đồng); when it
// does, or when `anyway`, the group's money is added to the rows.
bool take(const Formulation& f, const std::vector<std::size_t>& group, std::vector<double>& used,
          bool anyway) {
  std::vector<std::pair<std::size_t, double>> add;
  for (auto i : group)
    for (auto [r, frac] : f.rows_of[i]) add.emplace_back(r, frac * f.request_m[i]);
  for (auto [r, a] : add) used[r] += a;
  bool ok = true;
  for (auto [r, a] : add) ok = ok && used[r] <= f.rows[r].hi + 1e-6;
  if (!ok && !anyway)
    for (auto [r, a] : add) used[r] -= a;
  return ok || anyway;
}

}  // namespace

Baseline rank_by_score(const Formulation& f, Vnd available, const std::vector<Vnd>& requests,
                       const std::vector<std::string>& codes) {
  const std::size_t n = f.size();
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (f.fix[a] != f.fix[b]) return f.fix[a] == Fix::in;  // forced in first
    if (f.value[a] != f.value[b]) return f.value[a] > f.value[b];
    if (requests[a] != requests[b]) return requests[a] < requests[b];
    return codes[a] < codes[b];
  });
  std::vector<double> used(f.rows.size(), 0);
  std::vector<bool> decided(n, false);
  std::vector<Vnd> amounts(n, 0);
  for (auto i : order) {
    if (decided[i]) continue;
    const auto group = f.group_of(i);
    for (auto j : group) decided[j] = true;
    bool excluded = std::any_of(group.begin(), group.end(),
                                [&](std::size_t j) { return f.fix[j] == Fix::out; });
    bool forced =
        std::any_of(group.begin(), group.end(), [&](std::size_t j) { return f.fix[j] == Fix::in; });
    // A forced-in group is funded whatever it breaks; the violations say what.
    if (excluded || !take(f, group, used, forced)) continue;
    for (auto j : group) amounts[j] = requests[j];
  }
  return finish(f, "rank_by_score", std::move(amounts), available);
}

Baseline equal_share(const Formulation& f, Vnd available, const std::vector<Vnd>& requests,
                     double min_share) {
  const std::size_t n = f.size();
  Vnd wanted = 0;
  for (std::size_t i = 0; i < n; ++i)
    if (f.fix[i] != Fix::out) wanted += requests[i];
  bool whole = wanted <= available;
  double share = whole ? 1.0 : static_cast<double>(available) / static_cast<double>(wanted);
  std::vector<Vnd> amounts(n, 0);
  __extension__ using Wide = __int128;  // request × available overflows 64 bits
  const auto million = static_cast<Wide>(kMillion);
  for (std::size_t i = 0; i < n; ++i) {
    if (f.fix[i] == Fix::out) continue;
    // request × available / wanted, floored to the million, in exact integers.
    Wide part = static_cast<Wide>(requests[i]) * available / wanted / million * million;
    amounts[i] = whole ? requests[i] : static_cast<Vnd>(part);
  }
  Baseline b = finish(f, "equal_share", std::move(amounts), available);
  if (share < 1 && (!f.partial || share < min_share)) b.violations.push_back("partial_funding");
  return b;
}

}  // namespace kc::planning

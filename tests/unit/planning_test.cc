// The plan builder against exhaustive search: random small instances (fixed seed) with every
// limit type, both province sets, bundles, forced choices and partial funding, whose optimum
// is found by trying every allocation; infeasible scenarios name their conflicts.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <sstream>

#include "bench/plan_instance.h"
#include "planning/baselines.h"
#include "planning/core.h"
#include "planning/formulation.h"
#include "planning/planner.h"

using namespace kc;
using namespace kc::planning;

namespace {

constexpr Vnd M = 1'000'000;

Candidate candidate(std::string code, double score, Vnd request, std::string province,
                    std::string content, std::string bundle = "") {
  Candidate c;
  c.id = static_cast<std::int64_t>(std::hash<std::string>{}(code) % 100000);
  c.code = std::move(code);
  c.score = score;
  c.request = request;
  c.shares[static_cast<int>(Dim::province_2008)] = {{province, 1}};
  c.shares[static_cast<int>(Dim::province_2025)] = {{province == "03" ? "02" : province, 1}};
  c.shares[static_cast<int>(Dim::region)] = {{province == "01" ? "DBSH" : "TDMNPB", 1}};
  c.shares[static_cast<int>(Dim::content)] = {{std::move(content), 1}};
  c.shares[static_cast<int>(Dim::kind)] = {{"regular", 1}};
  c.bundle = std::move(bundle);
  return c;
}

// Every allocation (0, the whole request, or each allowed part per candidate), the best value.
std::optional<double> exhaustive(const Problem& p) {
  Formulation f = formulate(p);
  const std::size_t n = f.size();
  std::vector<std::vector<Vnd>> options(n);
  for (std::size_t i = 0; i < n; ++i) {
    if (f.fix[i] != Fix::in) options[i].push_back(0);
    if (f.fix[i] == Fix::out) continue;
    options[i].push_back(p.candidates[i].request);
    if (f.partial)
      for (auto m = f.partial_min_m[i]; m <= f.partial_max_m[i]; ++m) options[i].push_back(m * M);
  }
  std::optional<double> best;
  std::vector<std::size_t> pick(n, 0);
  std::vector<Vnd> amounts(n);
  while (true) {
    for (std::size_t i = 0; i < n; ++i) amounts[i] = options[i].empty() ? 0 : options[i][pick[i]];
    bool ok = f.violations(amounts).empty();
    for (const auto& b : f.bundles)
      for (auto i : b) ok = ok && (amounts[i] > 0) == (amounts[b.front()] > 0);
    if (ok) {
      double v = f.objective_of(amounts);
      if (!best || v > *best) best = v;
    }
    std::size_t k = 0;
    while (k < n && (options[k].empty() || ++pick[k] == options[k].size())) pick[k++] = 0;
    if (k == n) break;
  }
  return best;
}

Problem random_problem(std::mt19937& rng, bool partial) {
  Problem p;
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  int n = partial ? pick(3, 5) : pick(6, 11);
  const char* provinces[] = {"01", "02", "03"};
  const char* contents[] = {"ND45-01", "ND45-03"};
  for (int i = 0; i < n; ++i) {
    Vnd request = partial ? pick(2, 6) * M : pick(1, 40) * 100 * M;
    std::string bundle = !partial && pick(0, 5) == 0 ? "B" + std::to_string(pick(1, 2)) : "";
    p.candidates.push_back(candidate("P" + std::to_string(i), pick(40, 100) + pick(0, 99) / 100.0,
                                     request, provinces[pick(0, 2)], contents[pick(0, 1)], bundle));
  }
  Vnd total = 0;
  for (const auto& c : p.candidates) total += c.request;
  p.envelope = total * pick(30, 80) / 100;
  auto& s = p.scenario;
  s.objective = pick(0, 1) ? Objective::score : Objective::score_x_amount;
  if (pick(0, 1)) s.weights.push_back({Dim::region, "TDMNPB", 1.2});
  if (pick(0, 1)) s.weights.push_back({Dim::content, "ND45-03", 0.9});
  if (pick(0, 1)) s.limits.push_back({Dim::province_2008, "*", p.envelope / 2, {}, {}, {}});
  if (pick(0, 1)) s.limits.push_back({Dim::province_2025, "02", {}, {}, 0.6, {}});
  if (pick(0, 2) == 0) s.limits.push_back({Dim::content, "*", {}, p.envelope / 10, {}, {}});
  if (pick(0, 2) == 0) s.limits.push_back({Dim::region, "DBSH", {}, {}, {}, 0.1});
  if (pick(0, 3) == 0) s.force_out.push_back("P0");
  if (pick(0, 3) == 0) s.force_in.push_back("P1");
  s.partial_allowed = partial;
  s.partial_min_share = 0.5;
  s.gap = 1e-9;
  return p;
}

}  // namespace

TEST(Planning, MatchesExhaustiveSearchOnRandomInstances) {
  std::mt19937 rng(20191);
  int feasible = 0, infeasible = 0;
  for (int round = 0; round < 60; ++round) {
    Problem p = random_problem(rng, round % 4 == 3);
    auto best = exhaustive(p);
    Answer a = plan(p, {false, 0});
    SCOPED_TRACE("round " + std::to_string(round));
    if (!best) {
      EXPECT_EQ(a.status, Status::infeasible);
      EXPECT_FALSE(a.conflicts.empty());
      ++infeasible;
      continue;
    }
    ASSERT_EQ(a.status, Status::optimal);
    EXPECT_NEAR(a.value, *best, 1e-6 * std::max(1.0, *best));
    // The answer's allocation is itself valid and worth what it says.
    Formulation f = formulate(p);
    std::vector<Vnd> amounts(p.candidates.size(), 0);
    for (const auto& x : a.funded) amounts[x.index] = x.amount;
    EXPECT_TRUE(f.violations(amounts).empty());
    EXPECT_NEAR(f.objective_of(amounts), a.value, 1e-6 * std::max(1.0, a.value));
    for (const auto& x : a.funded) EXPECT_EQ(x.amount % M, 0);
    ++feasible;
  }
  EXPECT_GT(feasible, 30);
  EXPECT_GT(infeasible + feasible, 59);
}

TEST(Planning, BundlesStandOrFallTogether) {
  Problem p;
  p.envelope = 1000 * M;
  p.candidates = {candidate("A", 90, 600 * M, "01", "ND45-01", "chain"),
                  candidate("B", 50, 300 * M, "02", "ND45-01", "chain"),
                  candidate("C", 80, 500 * M, "02", "ND45-03")};
  Answer a = plan(p);
  ASSERT_EQ(a.status, Status::optimal);
  // A+B (140) beats C alone (80) and A+C does not fit the bundle rule.
  ASSERT_EQ(a.funded.size(), 2u);
  EXPECT_DOUBLE_EQ(a.value, 140);
  // A bundle with a member that has not passed cannot be funded at all.
  p.candidates[1].passed = false;
  a = plan(p);
  ASSERT_EQ(a.funded.size(), 1u);
  EXPECT_EQ(p.candidates[a.funded[0].index].code, "C");
  for (const auto& u : a.unfunded)
    EXPECT_EQ(u.reason, p.candidates[u.index].code == "B" ? Reason::not_passed : Reason::bundle);
}

TEST(Planning, ExplainsEveryProposalLeftOut) {
  Problem p;
  p.envelope = 1200 * M;
  p.candidates = {
      candidate("A", 90, 500 * M, "01", "ND45-01"), candidate("B", 85, 400 * M, "01", "ND45-01"),
      candidate("C", 70, 400 * M, "02", "ND45-03"), candidate("D", 60, 300 * M, "02", "ND45-03")};
  p.scenario.limits.push_back({Dim::province_2008, "01", 600 * M, {}, {}, {}});
  Answer a = plan(p);
  ASSERT_EQ(a.status, Status::optimal);
  // Best: A (province 01 takes 500 of its 600) + C + D = 220; B would break province 01's cap.
  EXPECT_DOUBLE_EQ(a.value, 220);
  auto find = [&](const std::string& code) {
    for (const auto& u : a.unfunded)
      if (p.candidates[u.index].code == code) return u;
    ADD_FAILURE() << code << " is funded";
    return Unfunded{};
  };
  Unfunded b = find("B");
  EXPECT_EQ(b.reason, Reason::limit);
  EXPECT_EQ(b.limit, "province_2008:01");
  // Forced in, B takes province 01's room from A: B + C + D = 215.
  ASSERT_TRUE(b.loss_if_forced);
  EXPECT_DOUBLE_EQ(*b.loss_if_forced, 5);
  EXPECT_DOUBLE_EQ(*b.value_needed, 90);
  for (const auto& f : a.funded) ASSERT_TRUE(f.loss_if_dropped);
  EXPECT_TRUE(a.explained);
}

TEST(Planning, InfeasibleScenariosNameTheirConflicts) {
  Problem p;
  p.envelope = 1000 * M;
  p.candidates = {candidate("A", 90, 500 * M, "01", "ND45-01"),
                  candidate("B", 85, 400 * M, "02", "ND45-01"),
                  candidate("C", 70, 600 * M, "02", "ND45-03")};
  // Floors that add up to more than the envelope.
  p.scenario.limits = {{Dim::content, "ND45-01", {}, 800 * M, {}, {}},
                       {Dim::content, "ND45-03", {}, 500 * M, {}, {}}};
  Answer a = plan(p);
  EXPECT_EQ(a.status, Status::infeasible);
  std::vector<std::string> want = {"envelope max", "content:ND45-01 min", "content:ND45-03 min"};
  EXPECT_EQ(a.conflicts, want);
  // A forced-in proposal that breaks a cap.
  p.scenario.limits = {{Dim::province_2008, "02", 500 * M, {}, {}, {}},
                       {Dim::content, "ND45-01", {}, 100 * M, {}, {}}};
  p.scenario.force_in = {"C"};
  a = plan(p);
  EXPECT_EQ(a.status, Status::infeasible);
  want = {"province_2008:02 max", "force_in:C"};
  EXPECT_EQ(a.conflicts, want);
  // A floor on a key without candidates is kept, and is a conflict on its own.
  p.scenario.force_in.clear();
  p.scenario.limits = {{Dim::region, "TN", {}, 1 * M, {}, {}}};
  a = plan(p);
  EXPECT_EQ(a.status, Status::infeasible);
  EXPECT_EQ(a.conflicts, std::vector<std::string>{"region:TN min"});
}

TEST(Planning, SameInputSameAnswer) {
  std::mt19937 rng(7);
  Problem p = random_problem(rng, false);
  for (int i = 0; i < 30; ++i)
    p.candidates.push_back(candidate("Q" + std::to_string(i), 70, 100 * M, "01", "ND45-01"));
  Answer a = plan(p, {false, 0}), b = plan(p, {false, 0});
  ASSERT_EQ(a.funded.size(), b.funded.size());
  for (std::size_t i = 0; i < a.funded.size(); ++i) {
    EXPECT_EQ(a.funded[i].index, b.funded[i].index);
    EXPECT_EQ(a.funded[i].amount, b.funded[i].amount);
  }
}

TEST(Planning, BaselinesShowWhatTheyBreakAndLeave) {
  Problem p;
  p.envelope = 1000 * M;
  p.candidates = {candidate("A", 90, 700 * M, "01", "ND45-01"),
                  candidate("B", 80, 400 * M, "02", "ND45-03"),
                  candidate("C", 75, 300 * M, "02", "ND45-03")};
  p.scenario.limits = {{Dim::content, "ND45-03", {}, 500 * M, {}, {}}};
  Answer a = plan(p);
  ASSERT_EQ(a.baselines.size(), 2u);
  const Baseline& rank = a.baselines[0];
  EXPECT_EQ(rank.name, "rank_by_score");
  // A (700) then C (300); B does not fit: the ND45-03 floor (300 < 500) is broken.
  EXPECT_EQ(rank.allocated, 1000 * M);
  EXPECT_EQ(rank.violations, std::vector<std::string>{"content:ND45-03 min"});
  const Baseline& equal = a.baselines[1];
  // 1000/1400 of each request, floored to the million: 500 + 285 + 214.
  EXPECT_EQ(equal.allocated, 999 * M);
  EXPECT_NE(std::find(equal.violations.begin(), equal.violations.end(), "partial_funding"),
            equal.violations.end());
  // The optimum keeps the floor: B + C (155) over A alone.
  EXPECT_DOUBLE_EQ(a.value, 155);
}

TEST(Planning, ModelFileIsALinearProgram) {
  Problem p;
  p.envelope = 1000 * M;
  p.candidates = {candidate("KCQG-2019-001", 90, 700 * M, "01", "ND45-01")};
  p.scenario.limits = {{Dim::content, "ND45-01", 800 * M, 100 * M, {}, {}}};
  std::ostringstream out;
  write_model(p, out);
  std::string lp = out.str();
  EXPECT_NE(lp.find("\\ x0 = KCQG-2019-001"), std::string::npos);
  EXPECT_NE(lp.find("Maximize"), std::string::npos);
  EXPECT_NE(lp.find("r1_max: + 700 x0 <= 800"), std::string::npos);
  EXPECT_NE(lp.find("r1_min: + 700 x0 >= 100"), std::string::npos);
  EXPECT_NE(lp.find("General\n x0\n"), std::string::npos);
}

namespace {

// An instance shaped like the benchmark's, smaller: 20 provinces, 5 contents, 40 bundles, and
// one proposal forced in, one out.
Problem large_problem(int n, unsigned seed) {
  Problem p = generated_instance(n, seed, {20, 5, n / 15, 0.08, 0.1});
  p.scenario.force_in = {"P7"};
  p.scenario.force_out = {"P8"};
  p.scenario.gap = 1e-9;
  return p;
}

Mip model_of(const Problem& p) {
  std::vector<std::string> codes;
  for (const auto& c : p.candidates) codes.push_back(c.code);
  return build_mip(formulate(p), codes);
}

}  // namespace

TEST(Planning, TheCoreApproachReachesCbcsOptimumOnASmallCore) {
  for (unsigned seed : {11u, 12u, 13u}) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    Problem p = large_problem(600, seed);
    Mip m = model_of(p);
    MipOptions o{60, 1e-9};
    MipResult whole = cbc_solver().solve(m, o);
    CoreStats stats;
    MipResult core = solve_by_core(m, o, cbc_solver(), 0, &stats);
    ASSERT_EQ(whole.status, Status::optimal);
    ASSERT_EQ(core.status, Status::optimal);
    EXPECT_NEAR(core.objective, whole.objective, 1e-6 * whole.objective);
    EXPECT_FALSE(stats.fell_back);
    EXPECT_LT(stats.core, m.col_names.size());
    EXPECT_GE(stats.lp_bound, core.objective - 1e-6);
    EXPECT_GE(core.bound, core.objective - 1e-6);
    // Its allocation keeps every limit, and the forced choices.
    Formulation f = formulate(p);
    std::vector<Vnd> amounts(p.candidates.size());
    for (std::size_t i = 0; i < amounts.size(); ++i)
      amounts[i] = core.columns[i] > 0.5 ? p.candidates[i].request : 0;
    EXPECT_TRUE(f.violations(amounts).empty());
    EXPECT_NEAR(f.objective_of(amounts), core.objective, 1e-6 * core.objective);
    EXPECT_GT(amounts[7], 0);
    EXPECT_EQ(amounts[8], 0);
  }
}

TEST(Planning, TheCoreApproachKnowsAnInfeasibleProgram) {
  Problem p = large_problem(300, 21);
  // Floors of 30 % on each of five contents cannot all hold.
  p.scenario.limits.push_back({Dim::content, "*", std::nullopt, std::nullopt, std::nullopt, 0.3});
  MipResult r = solve_by_core(model_of(p), {30, 1e-9}, cbc_solver(), 0);
  EXPECT_EQ(r.status, Status::infeasible);
}

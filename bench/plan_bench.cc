// The plan builder's benchmark instance: N proposals over 63 provinces (each capped), 9
// contents and 6 regions (each with a floor), 200 bundles and a weight per region, generated
// deterministically. Solves it with the plan builder (no explanations) and prints one JSON
// line: time, status, gap, value, baseline (a)'s value, peak memory. With --lp FILE it also
// writes the model, for the `cbc` and `glpsol` commands to solve side by side
// (bench/run-plan).
#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <random>
#include <string>

#include "planning/planner.h"

using namespace kc::planning;

namespace {

constexpr kc::Vnd kMillion = 1'000'000;

Problem instance(int n, unsigned seed) {
  std::mt19937 rng(seed);
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  const char* regions[] = {"TDMNPB", "DBSH", "BTBDHMT", "TN", "DNB", "DBSCL"};
  Problem p;
  kc::Vnd total = 0;
  for (int i = 0; i < n; ++i) {
    Candidate c;
    c.id = i + 1;
    c.code = "P" + std::to_string(i);
    c.score = pick(5000, 10000) / 100.0;
    c.request = pick(300, 3000) * kMillion;
    int province = pick(1, 63);
    std::string code = std::to_string(100 + province).substr(1);  // "01".."63"
    c.shares[static_cast<int>(Dim::province_2008)] = {{code, 1}};
    c.shares[static_cast<int>(Dim::region)] = {{regions[province % 6], 1}};
    c.shares[static_cast<int>(Dim::content)] = {{"C" + std::to_string(pick(1, 9)), 1}};
    c.shares[static_cast<int>(Dim::kind)] = {{"regular", 1}};
    if (i < 600) c.bundle = "B" + std::to_string(i % 200);  // 200 bundles of three
    total += c.request;
    p.candidates.push_back(std::move(c));
  }
  p.envelope = total * 2 / 5 / kMillion * kMillion;
  auto& s = p.scenario;
  s.name = "bench";
  s.weights = {{Dim::region, "TDMNPB", 1.2}, {Dim::region, "TN", 1.15}};
  s.limits.push_back({Dim::province_2008, "*", std::nullopt, std::nullopt, 0.03, std::nullopt});
  s.limits.push_back({Dim::content, "*", std::nullopt, std::nullopt, std::nullopt, 0.03});
  s.limits.push_back({Dim::region, "*", std::nullopt, std::nullopt, std::nullopt, 0.05});
  s.time_limit_s = 600;
  return p;
}

}  // namespace

int main(int argc, char** argv) {
  int n = argc > 1 ? std::atoi(argv[1]) : 10000;
  std::string lp = argc > 3 && std::string(argv[2]) == "--lp" ? argv[3] : "";
  Problem p = instance(n, 2019);
  if (!lp.empty()) {
    std::ofstream out(lp);
    write_model(p, out);
  }
  auto t0 = std::chrono::steady_clock::now();
  // CBC prints a few diagnostic lines on standard output on large models: keep them out of
  // the one JSON line this program prints.
  std::fflush(stdout);
  int saved = ::dup(1), null = ::open("/dev/null", O_WRONLY);
  ::dup2(null, 1);
  Answer a = plan(p, {false, 0});
  std::fflush(stdout);
  ::dup2(saved, 1);
  double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  rusage use{};
  getrusage(RUSAGE_SELF, &use);
  std::printf(
      "{\"n\": %d, \"status\": \"%s\", \"ms\": %.0f, \"gap\": %.6f, \"value\": %.4f, "
      "\"rank_by_score\": %.4f, \"funded\": %zu, \"peak_mb\": %ld}\n",
      n, std::string(name_of(a.status)).c_str(), ms, a.gap, a.value, a.baselines[0].value,
      a.funded.size(), use.ru_maxrss / 1024);
  return 0;
}

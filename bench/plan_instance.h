#pragma once
// Generated plan-builder instances (fixed seed): N proposals of 300 million to 3 billion đồng
// with scores 50–100 over `provinces` provinces (each capped at `cap` of the envelope),
// `contents` contents (each with a floor of `floor`) and 6 regions (each with a floor of 5 %),
// bundles of three among the first proposals, weights on two regions, and an envelope of 40 %
// of the requests. The benchmark (plan_bench.cc) and the core approach's unit test share it.
#include <random>
#include <string>

#include "planning/model.h"

namespace kc::planning {

struct InstanceShape {
  int provinces = 63, contents = 9, bundles = 200;
  double cap = 0.03, floor = 0.03;
};

inline Problem generated_instance(int n, unsigned seed, const InstanceShape& shape = {}) {
  constexpr Vnd kMillion = 1'000'000;
  std::mt19937 rng(seed);
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  const char* regions[] = {"TDMNPB", "DBSH", "BTBDHMT", "TN", "DNB", "DBSCL"};
  Problem p;
  Vnd total = 0;
  for (int i = 0; i < n; ++i) {
    Candidate c;
    c.id = i + 1;
    c.code = "P" + std::to_string(i);
    c.score = pick(5000, 10000) / 100.0;
    c.request = pick(300, 3000) * kMillion;
    int province = pick(1, shape.provinces);
    std::string code = std::to_string(100 + province).substr(1);  // "01".."63"
    c.shares[static_cast<int>(Dim::province_2008)] = {{code, 1}};
    c.shares[static_cast<int>(Dim::region)] = {{regions[province % 6], 1}};
    c.shares[static_cast<int>(Dim::content)] = {{"C" + std::to_string(pick(1, shape.contents)), 1}};
    c.shares[static_cast<int>(Dim::kind)] = {{"regular", 1}};
    if (i < 3 * shape.bundles) c.bundle = "B" + std::to_string(i % shape.bundles);
    total += c.request;
    p.candidates.push_back(std::move(c));
  }
  p.envelope = total * 2 / 5 / kMillion * kMillion;
  auto& s = p.scenario;
  s.name = "bench";
  s.weights = {{Dim::region, "TDMNPB", 1.2}, {Dim::region, "TN", 1.15}};
  s.limits.push_back(
      {Dim::province_2008, "*", std::nullopt, std::nullopt, shape.cap, std::nullopt});
  s.limits.push_back({Dim::content, "*", std::nullopt, std::nullopt, std::nullopt, shape.floor});
  s.limits.push_back({Dim::region, "*", std::nullopt, std::nullopt, std::nullopt, 0.05});
  s.time_limit_s = 600;
  return p;
}

}  // namespace kc::planning

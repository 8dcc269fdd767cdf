#pragma once
// The scenario turned into the optimisation model's terms, still independent of any solver:
// each candidate's priority value and request (in million đồng, the model's unit), the rows
// every allocation must satisfy (the envelope and each limit, `"*"` expanded), the bundles
// and the proposals fixed in or out. The solver, the baselines and the LP file all read this.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "planning/model.h"

namespace kc::planning {

// Σ fraction × amount (million đồng) over the row's candidates, within [lo, hi].
struct Row {
  std::string name;  // "envelope", "province_2008:01", "content:ND45-03"
  std::vector<std::pair<std::size_t, double>> terms;  // candidate index, fraction
  double lo = 0, hi = 0;                              // ±kInfinity when open
  bool is_limit = true;                               // false: the envelope
};

inline constexpr double kInfinity = 1e30;
inline constexpr double kMillion = 1e6;

enum class Fix : std::int8_t { free, in, out };

struct Formulation {
  Objective objective = Objective::score;
  std::vector<double> value;      // priority value: score × matching weights' factors
  std::vector<double> request_m;  // request in million đồng
  std::vector<Row> rows;          // rows[0] is the envelope
  std::vector<std::vector<std::size_t>> bundles;  // members funded all or none
  // For each candidate: the rows it counts in (row index, fraction), and its bundle (or -1).
  std::vector<std::vector<std::pair<std::size_t, double>>> rows_of;
  std::vector<int> bundle_of;
  std::vector<Fix> fix;
  std::vector<Reason> fixed_out_reason;  // where fix == out
  bool partial = false;
  std::vector<std::int64_t> partial_min_m, partial_max_m;  // whole millions, when partial

  std::size_t size() const { return value.size(); }
  // The candidates funded together with i (its bundle, or i alone).
  std::vector<std::size_t> group_of(std::size_t i) const {
    return bundle_of[i] < 0 ? std::vector<std::size_t>{i} : bundles[bundle_of[i]];
  }
  // The objective's coefficient for funding the whole request, and per million of a part.
  double whole_coefficient(std::size_t i) const;
  double partial_coefficient(std::size_t i) const;
  // The objective of an allocation (amounts in đồng per candidate).
  double objective_of(const std::vector<Vnd>& amounts) const;
  // The rows an allocation breaks, by name (with " max" / " min").
  std::vector<std::string> violations(const std::vector<Vnd>& amounts) const;
};

// Builds the formulation; the envelope is what is left after the commitments.
Formulation formulate(const Problem& p);

// A row's side as a person reads it: "province_2008:01 max".
std::string side_name(const Row& r, bool upper);

}  // namespace kc::planning

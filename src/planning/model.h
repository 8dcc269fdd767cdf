#pragma once
// The plan builder's model as plain values: the candidates (passed proposals with their score,
// request and the keys they count under), the scenario the department tunes (envelope,
// weights, limits, bundles, forced choices, partial funding) and the answer (the funded set,
// the reason every other proposal was left out, the baselines beside it). No I/O: the app
// layer loads candidates from the store; planning/ only computes.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/money.h"

namespace kc::planning {

// The dimensions a limit or a weight can name. `flag` (priority flags such as
// disadvantaged_area) is for weights only.
enum class Dim { province_2008, province_2025, region, content, organization, kind, flag };
inline constexpr std::array<std::string_view, 7> kDimNames = {
    "province_2008", "province_2025", "region", "content", "organization", "kind", "flag"};
inline constexpr std::size_t kLimitDims = 6;  // the first six: what limits may name
std::optional<Dim> dim_from(std::string_view name);
std::string_view name_of(Dim d);

// A candidate counts toward a key with a fraction of its amount (a proposal in two provinces:
// 0.5 each, unless it gives amounts per province).
struct Share {
  std::string key;
  double fraction = 1;
};

struct Candidate {
  std::int64_t id = 0;
  std::string code;
  std::string title;                         // for people reading the answer
  double score = 0;                          // appraisal score, 0–100
  Vnd request = 0;                           // requested funds
  std::array<std::vector<Share>, 7> shares;  // by Dim (flags: fraction 1 each)
  std::string bundle;                        // '' = stands alone
  bool passed = true;  // false: a bundle-mate that has not passed (the bundle cannot be funded)
};

struct Weight {
  Dim dim = Dim::region;
  std::string key;
  double factor = 1;
};

// A maximum and/or a minimum on the money counted toward one key ("*" before expansion: each
// key present among the candidates separately). Amounts are đồng; shares are of the envelope.
struct Limit {
  Dim dim = Dim::province_2008;
  std::string key;
  std::optional<Vnd> max_vnd, min_vnd;
  std::optional<double> max_share, min_share;
};

enum class Objective { score, score_x_amount };

struct Scenario {
  std::string name;
  std::string program;              // the program's code, e.g. KCQG-2019
  std::optional<Vnd> envelope_vnd;  // absent: the program's budget
  Objective objective = Objective::score;
  std::vector<Weight> weights;
  std::vector<Limit> limits;
  bool bundles_all_or_none = true;               // "bundles": "all_or_none" | "independent"
  std::vector<std::string> force_in, force_out;  // proposal codes
  bool partial_allowed = false;
  double partial_min_share = 0.7;
  double time_limit_s = 30;
  double gap = 0.0001;  // relative optimality gap at which the search stops
};

// Money already committed before the year's new choices (tranches of running point projects).
struct Commitment {
  std::string code;
  Vnd amount = 0;
};

// Everything a solve needs, resolved: the envelope in đồng and the candidates.
struct Problem {
  Scenario scenario;
  std::int64_t program_id = 0;  // the register's id of scenario.program
  Vnd envelope = 0;
  std::vector<Commitment> commitments;
  std::vector<Candidate> candidates;
};

enum class Status { optimal, feasible, infeasible, time_limit };
std::string_view name_of(Status s);

// Why a candidate is not funded.
enum class Reason { envelope, limit, bundle, forced_out, not_passed };
std::string_view name_of(Reason r);

struct Funded {
  std::size_t index = 0;  // into Problem::candidates
  Vnd amount = 0;
  double value = 0;  // its contribution to the objective
  std::optional<double> loss_if_dropped;
};

struct Unfunded {
  std::size_t index = 0;
  Reason reason = Reason::envelope;
  std::string limit;                     // the limit's name where one applies
  std::optional<double> loss_if_forced;  // none: cannot be funded under this scenario
  std::optional<double> value_needed;    // the priority value that would have got it in
};

struct Baseline {
  std::string name;  // rank_by_score | equal_share
  double value = 0;
  Vnd allocated = 0;
  Vnd unused = 0;
  std::vector<std::string> violations;  // names of limits it breaks
  std::vector<Vnd> amounts;             // per candidate
};

struct Answer {
  Status status = Status::infeasible;
  double value = 0;
  double gap = 0;
  Vnd envelope = 0;
  Vnd commitments = 0;
  Vnd allocated = 0;
  std::vector<Funded> funded;
  std::vector<Unfunded> unfunded;
  std::vector<std::string> conflicts;  // when infeasible: limits that cannot hold together
  std::vector<Baseline> baselines;
  double solve_ms = 0;
  bool explained = true;  // false when explanations were skipped (too large or out of time)
};

}  // namespace kc::planning

#pragma once
// Appraisal: registration rounds, councils, score sheets and their aggregation into a ranking.
// Plain values and pure rules; the store keeps them, app/appraisal.h runs the use cases.
//
// Aggregation of one proposal's sheets (a council's members score each criterion in whole
// points, 0..max):
//   - a sheet counts when it scores every criterion and its member has no conflict;
//   - the proposal's score is the mean of the counted totals; with `trim_extremes` and at
//     least five counted sheets, the highest and the lowest total are left out first;
//   - it passes when the score reaches the pass mark and the mean of every criterion with a
//     floor reaches that floor; with no counted sheet it is not yet scored;
//   - the spread is the highest counted total minus the lowest; a sheet whose total is
//     further than `outlier_points` from the mean is flagged for the chair.
// Ranking (documented tie-breaks): scored before unscored, then the higher score, then the
// smaller request (more value per đồng), then the code. Scores are compared exactly (as
// fractions), never as rounded decimals.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/date.h"
#include "domain/error.h"
#include "domain/money.h"

namespace kc {

struct Criterion {
  std::string code;
  std::string name;
  std::int64_t max_points = 0;
  std::optional<std::int64_t> floor_points;
  bool operator==(const Criterion&) const = default;
};

// The default criteria set (100 points): no official score sheet was found, so the set is
// the project's default, editable per round until scoring starts.
std::vector<Criterion> default_criteria();

// Đợt đăng ký: a program's registration and appraisal round for one plan year.
struct Round {
  std::int64_t id = 0;
  std::int64_t program_id = 0;
  int year = 0;
  Date opens_on;
  Date closes_on;   // last day units may submit
  Date forward_by;  // last day provinces forward
  // Unset (nullopt, or a Date{} above) until created: create_round fills them from the dated
  // settings; a stored round always has them.
  std::optional<std::int64_t> pass_mark;
  std::optional<bool> trim_extremes;
  std::optional<std::int64_t> outlier_points;
  std::vector<Criterion> criteria;
  std::int64_t version = 0;
};

inline constexpr std::string_view kCouncilLevels[] = {"province", "ministry"};
inline constexpr std::string_view kMemberRoles[] = {"chair", "secretary", "member"};
inline constexpr std::string_view kConclusions[] = {"pass", "pass_with_changes", "fail"};

struct CouncilMember {
  std::int64_t user_id = 0;
  std::string role = "member";  // see kMemberRoles
  std::string name;             // the user's display name (read only)
};

// Hội đồng thẩm định: per round and level, and at the province level per province.
struct Council {
  std::int64_t id = 0;
  std::int64_t round_id = 0;
  std::string level;          // see kCouncilLevels
  std::string province_2025;  // province level only
  std::string name;
  std::vector<CouncilMember> members;
  std::int64_t version = 0;
};

// One member's scores for one proposal.
struct ScoreLine {
  std::string criterion;
  std::int64_t points = 0;
  std::string comment;
};
struct ScoreSheet {
  std::int64_t council_id = 0;
  std::int64_t project_id = 0;
  std::int64_t user_id = 0;
  bool conflict = false;
  std::string conflict_note;
  std::vector<ScoreLine> lines;
};

// The problems of a sheet's lines against the criteria ("lines/N/criterion": one_of or
// listed_twice; "lines/N/points": score_range); empty when every line is fine.
std::vector<FieldError> check_score_lines(const std::vector<ScoreLine>& lines,
                                          const std::vector<Criterion>& criteria);
// Whether a sheet scores every criterion of the set.
bool is_complete(const ScoreSheet& s, const std::vector<Criterion>& criteria);
std::int64_t total_of(const ScoreSheet& s);

struct Aggregate {
  std::int64_t project_id = 0;
  int assigned = 0;      // members assigned, conflicts included
  int conflicts = 0;     // members who declared a conflict
  int counted = 0;       // complete sheets without conflict
  std::int64_t sum = 0;  // of the totals used for the mean (after trimming)
  int used = 0;          // how many totals the mean is over
  double score = 0;      // sum / used (for display; comparisons use sum and used)
  std::int64_t spread = 0;
  std::vector<std::int64_t> outliers;      // user ids
  std::vector<std::string> floors_missed;  // criterion codes
  bool scored = false;
  bool passed = false;
};

struct AggregationRules {
  std::int64_t pass_mark = 50;
  bool trim_extremes = false;
  std::int64_t outlier_points = 20;
};

// One proposal's aggregate from its sheets (every assigned member's, conflicts included).
Aggregate aggregate(std::int64_t project_id, const std::vector<ScoreSheet>& sheets,
                    const std::vector<Criterion>& criteria, const AggregationRules& rules);

struct RankInput {
  Aggregate aggregate;
  Vnd requested_vnd = 0;
  std::string code;
};
// Sorts by the documented tie-breaks; returns the order (indexes into `items`).
std::vector<std::size_t> rank_order(const std::vector<RankInput>& items);

}  // namespace kc

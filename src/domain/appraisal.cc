#include "domain/appraisal.h"

#include <set>

#include <algorithm>
#include <cstdlib>
#include <numeric>

namespace kc {

std::vector<Criterion> default_criteria() {
  return {{"need", "Sự cần thiết, tính phù hợp với nội dung và định hướng khuyến công", 20, 10},
          {"feasibility", "Tính khả thi về kỹ thuật, công nghệ và tổ chức thực hiện", 25, 12},
          {"effect", "Hiệu quả kinh tế - xã hội, khả năng nhân rộng", 25, 12},
          {"cost", "Tính hợp lý của dự toán kinh phí và vốn đối ứng", 20, std::nullopt},
          {"priority", "Đối tượng, địa bàn ưu tiên", 10, std::nullopt}};
}

std::vector<FieldError> check_score_lines(const std::vector<ScoreLine>& lines,
                                          const std::vector<Criterion>& criteria) {
  std::vector<FieldError> errors;
  std::string codes;
  for (const auto& k : criteria) codes += (codes.empty() ? "" : ", ") + k.code;
  std::set<std::string> seen;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const auto& l = lines[i];
    std::string at = "lines/" + std::to_string(i) + "/";
    const Criterion* c = nullptr;
    for (const auto& k : criteria)
      if (k.code == l.criterion) c = &k;
    if (!c) {
      errors.push_back({at + "criterion", FieldCode::one_of, {{"allowed", codes}}});
      continue;
    }
    if (!seen.insert(l.criterion).second)
      errors.push_back({at + "criterion", FieldCode::listed_twice});
    if (l.points < 0 || l.points > c->max_points)
      errors.push_back(
          {at + "points", FieldCode::score_range, {{"max", std::to_string(c->max_points)}}});
  }
  return errors;
}

bool is_complete(const ScoreSheet& s, const std::vector<Criterion>& criteria) {
  for (const auto& c : criteria) {
    bool found = std::any_of(s.lines.begin(), s.lines.end(),
                             [&](const ScoreLine& l) { return l.criterion == c.code; });
    if (!found) return false;
  }
  return true;
}

std::int64_t total_of(const ScoreSheet& s) {
  std::int64_t t = 0;
  for (const auto& l : s.lines) t += l.points;
  return t;
}

Aggregate aggregate(std::int64_t project_id, const std::vector<ScoreSheet>& sheets,
                    const std::vector<Criterion>& criteria, const AggregationRules& rules) {
  Aggregate a;
  a.project_id = project_id;
  a.assigned = static_cast<int>(sheets.size());
  std::vector<const ScoreSheet*> counted;
  for (const auto& s : sheets) {
    if (s.conflict) {
      ++a.conflicts;
      continue;
    }
    if (is_complete(s, criteria)) counted.push_back(&s);
  }
  a.counted = static_cast<int>(counted.size());
  if (counted.empty()) return a;
  a.scored = true;

  std::vector<std::int64_t> totals;
  for (const auto* s : counted) totals.push_back(total_of(*s));
  std::vector<std::int64_t> used = totals;
  std::sort(used.begin(), used.end());
  a.spread = used.back() - used.front();
  if (rules.trim_extremes && used.size() >= 5) used = {used.begin() + 1, used.end() - 1};
  a.sum = std::accumulate(used.begin(), used.end(), std::int64_t{0});
  a.used = static_cast<int>(used.size());
  a.score = static_cast<double>(a.sum) / a.used;

  // |total - sum/used| > outlier_points  <=>  |total*used - sum| > outlier_points*used
  for (std::size_t i = 0; i < counted.size(); ++i)
    if (std::llabs(totals[i] * a.used - a.sum) > rules.outlier_points * a.used)
      a.outliers.push_back(counted[i]->user_id);

  for (const auto& c : criteria) {
    if (!c.floor_points) continue;
    std::int64_t sum = 0;
    for (const auto* s : counted)
      for (const auto& l : s->lines)
        if (l.criterion == c.code) sum += l.points;
    if (sum < *c.floor_points * a.counted) a.floors_missed.push_back(c.code);
  }
  a.passed = a.sum >= rules.pass_mark * a.used && a.floors_missed.empty();
  return a;
}

std::vector<std::size_t> rank_order(const std::vector<RankInput>& items) {
  std::vector<std::size_t> order(items.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t i, std::size_t j) {
    const auto& x = items[i];
    const auto& y = items[j];
    if (x.aggregate.scored != y.aggregate.scored) return x.aggregate.scored;
    if (x.aggregate.scored) {
      // x.sum/x.used vs y.sum/y.used, exactly (sums are points: far from overflowing)
      std::int64_t lx = x.aggregate.sum * y.aggregate.used;
      std::int64_t ly = y.aggregate.sum * x.aggregate.used;
      if (lx != ly) return lx > ly;
    }
    if (x.requested_vnd != y.requested_vnd) return x.requested_vnd < y.requested_vnd;
    return x.code < y.code;
  });
  return order;
}

}  // namespace kc

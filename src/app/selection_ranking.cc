#include "app/selection_ranking.h"

#include <map>

namespace kc::app {

Result<std::vector<RankedNomination>> rank_round(store::Connection& db,
                                                 const store::SelectionRound& round,
                                                 const std::string& province) {
  auto nominations = store::round_nominations(db, round.id, "");
  if (!nominations) return std::unexpected(nominations.error());
  auto sheets = store::round_sheets(db, round.id);
  if (!sheets) return std::unexpected(sheets.error());
  std::map<std::int64_t, std::vector<ScoreSheet>> by_nomination;
  for (auto& s : *sheets) by_nomination[s.project_id].push_back(std::move(s));
  const AggregationRules rules{round.pass_mark, false, 20};
  std::vector<RankInput> inputs;
  for (const auto& n : *nominations)
    inputs.push_back({aggregate(n.id, by_nomination[n.id], round.criteria, rules), 0, n.name});
  std::vector<RankedNomination> out;
  int rank = 0;
  for (auto i : rank_order(inputs)) {
    ++rank;
    const auto& n = (*nominations)[i];
    if (province.empty() || n.province_2025 == province)
      out.push_back({n, inputs[i].aggregate, rank});
  }
  return out;
}

}  // namespace kc::app

#include "app/plan_rollup.h"

#include <map>

#include "store/decision_repo.h"

namespace kc::app {
namespace {

using nlohmann::json;

struct Cell {
  std::int64_t projects = 0;
  Vnd amount = 0;
  void add(std::int64_t n, Vnd v) { projects += n, amount += v; }
};

json cell_json(const Cell& c) {
  return {{"projects", c.projects}, {"amount_vnd", c.amount}};
}

// One key's cells per level and their sum.
struct Split {
  Cell national, local, total;
  void add(const store::RollupRow& r) {
    (r.level == "KCQG" ? national : local).add(r.projects, r.amount);
    total.add(r.projects, r.amount);
  }
  json to_json() const {
    return {{"KCQG", cell_json(national)}, {"KCDP", cell_json(local)}, {"total", cell_json(total)}};
  }
};

template <class Key>
json list(const std::map<Key, Split>& m, const char* name) {
  json out = json::array();
  for (const auto& [k, s] : m) {
    json item = s.to_json();
    item[name] = k;
    out.push_back(std::move(item));
  }
  return out;
}

}  // namespace

Result<json> plan_rollup(store::Connection& db, const Actor& a, int from, int to) {
  if (!may(a, Permission::read_plans)) return std::unexpected(Error::forbidden());
  std::vector<FieldError> errors;
  if (from < 2000 || from > 2100)
    errors.push_back({"from", FieldCode::year_range, {{"min", "2000"}, {"max", "2100"}}});
  if (to < 2000 || to > 2100)
    errors.push_back({"to", FieldCode::year_range, {{"min", "2000"}, {"max", "2100"}}});
  else if (to < from)
    errors.push_back({"to", FieldCode::at_least, {{"min", std::to_string(from)}}});
  if (!errors.empty()) return std::unexpected(Error::invalid("invalid query", errors));
  auto rows = store::decided_rollup(db, from, to);
  if (!rows) return std::unexpected(rows.error());
  std::map<std::int64_t, Split> years;
  std::map<std::string, Split> contents, regions;
  Split total;
  for (const auto& r : *rows) {
    years[r.year].add(r);
    contents[r.content].add(r);
    regions[r.region].add(r);
    total.add(r);
  }
  return json{{"from", from},
              {"to", to},
              {"by_year", list(years, "year")},
              {"by_content", list(contents, "content")},
              {"by_region", list(regions, "region")},
              {"total", total.to_json()}};
}

}  // namespace kc::app

#include "app/reference.h"

#include <set>

#include "store/project_repo.h"
#include "store/reference_repo.h"

namespace kc::app {

using nlohmann::json;

Result<json> list_reference(store::Connection& db, const std::string& name) {
  auto table = store::list_reference(db, name);
  if (!table) return std::unexpected(table.error());
  if (!*table) return std::unexpected(Error::not_found("no reference list named " + name));
  static const std::set<std::string> kIntegerColumns{"sort_order", "number",     "confirmed",
                                                     "id",         "max_pct_bp", "max_amount_vnd",
                                                     "start_year", "end_year",   "target"};
  json items = json::array();
  for (const auto& row : (*table)->rows) {
    json item = json::object();
    for (size_t i = 0; i < (*table)->columns.size(); ++i) {
      const std::string& col = (*table)->columns[i];
      if (row.is_null(i))
        item[col] = nullptr;
      else if (kIntegerColumns.contains(col))
        item[col] = row.i64(i);
      else
        item[col] = row.str(i);
    }
    items.push_back(std::move(item));
  }
  return json{{"items", items}, {"total", items.size()}};
}

Result<store::DataVersion> data_version(store::Connection& db) {
  return store::data_version(db);
}

Result<json> project_totals_json(store::Connection& db, const ListQuery& q) {
  auto tx = store::Transaction::read(db);
  if (!tx) return std::unexpected(tx.error());
  auto t = store::project_totals(db, q);
  if (!t) return std::unexpected(t.error());
  auto groups = [](const std::vector<ProjectTotals::Group>& gs) {
    json a = json::array();
    for (const auto& g : gs)
      a.push_back({{"key", g.key}, {"projects", g.projects}, {"requested_vnd", g.requested_vnd}});
    return a;
  };
  json outputs = json::array();
  for (const auto& o : t->outputs)
    outputs.push_back({{"indicator", o.indicator}, {"quantity", o.quantity}});
  (void)tx->commit();
  return json{{"projects", t->projects},
              {"requested_vnd", t->requested_vnd},
              {"counterpart_vnd", t->counterpart_vnd},
              {"total_vnd", t->total_vnd},
              {"beneficiaries", t->beneficiaries},
              {"by_content", groups(t->by_content)},
              {"by_kind", groups(t->by_kind)},
              {"by_status", groups(t->by_status)},
              {"by_region", groups(t->by_region)},
              {"outputs", outputs}};
}

}  // namespace kc::app

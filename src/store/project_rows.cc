#include "store/project_rows.h"

#include <algorithm>
#include <unordered_map>

#include "store/reference_repo.h"

namespace kc::store {
namespace {

// The projects' ids as one parameter (the statements' texts stay the same from batch to batch).
IdSet ids_of(Connection& db, const std::vector<Project*>& ps) {
  std::vector<std::int64_t> ids;
  ids.reserve(ps.size());
  for (const auto* p : ps) ids.push_back(p->id);
  return id_set(db, ids);
}

template <class F>
Status each_child(Connection& db, const std::vector<Project*>& ps, const std::string& sql,
                  const Value& ids, F&& put) {
  std::unordered_map<std::int64_t, Project*> by_id;
  for (auto* p : ps) by_id[p->id] = p;
  auto rows = db.query(sql, std::vector<Value>{ids});
  if (!rows) return std::unexpected(rows.error());
  for (const auto& r : *rows)
    if (auto it = by_id.find(r.i64(0)); it != by_id.end()) put(*it->second, r);
  return {};
}

}  // namespace

const char* const kProjectColumns =
    "p.id, p.code, p.title, p.year, p.program_id, p.content_code, p.kind, "
    "p.implementing_org_id, p.requested_vnd, p.counterpart_vnd, p.total_vnd, p.start_date, "
    "p.end_date, p.status, p.version, p.created_at, p.updated_at, p.bundle, p.score_centi";

Project project_from(const Row& r) {
  Project p;
  p.id = r.i64(0), p.code = r.str(1), p.title = r.str(2), p.year = static_cast<int>(r.i64(3));
  p.program_id = r.i64(4), p.content_code = r.str(5), p.kind = r.str(6);
  p.implementing_org_id = r.i64(7), p.requested_vnd = r.i64(8), p.counterpart_vnd = r.i64(9);
  p.total_vnd = r.i64(10), p.start = parse_date(r.str(11)).value_or(Date{});
  p.end = parse_date(r.str(12)).value_or(Date{}), p.status = r.str(13), p.version = r.i64(14);
  p.created_at = r.str(15), p.updated_at = r.str(16), p.bundle = r.str(17);
  if (!r.is_null(18)) p.score_centi = r.i64(18);
  return p;
}

namespace {

// The provinces of `ps`, whose ids are `ids`, in their order.
Status provinces_of(Connection& db, const std::vector<Project*>& ps, const IdSet& ids) {
  return each_child(db, ps,
                    "SELECT project_id, province_set, province_code FROM project_provinces "
                    "WHERE project_id" +
                        ids.sql + " ORDER BY project_id, position",
                    ids.param, [](Project& p, const Row& r) {
                      p.provinces.push_back({r.str(1), r.str(2)});
                    });
}

// The outputs of `ps` in the indicators' order. They are read in the key's order, which needs
// no sort, and each project's few are put in the indicators' order here: joining the
// indicators to sort by their order made the database sort every row (an export of 100,000
// projects spent a quarter of its time reading outputs; 0.05 s less without the sort).
Status outputs_of(Connection& db, const std::vector<Project*>& ps, const IdSet& ids) {
  auto order = indicator_order(db);
  if (!order) return std::unexpected(order.error());
  auto s = each_child(db, ps,
                      "SELECT project_id, indicator_code, quantity FROM project_outputs WHERE "
                      "project_id" +
                          ids.sql + " ORDER BY project_id, indicator_code",
                      ids.param, [](Project& p, const Row& r) {
                        p.outputs.push_back({r.str(1), r.i64(2)});
                      });
  if (!s) return s;
  // Every output's indicator is in the catalogue (a foreign key).
  for (auto* p : ps)
    std::stable_sort(p->outputs.begin(), p->outputs.end(), [&](const auto& a, const auto& b) {
      return order->at(a.indicator) < order->at(b.indicator);
    });
  return {};
}

}  // namespace

Status load_provinces(Connection& db, std::vector<Project*> ps) {
  if (ps.empty()) return {};
  return provinces_of(db, ps, ids_of(db, ps));
}

Status load_children(Connection& db, std::vector<Project*> ps) {
  if (ps.empty()) return {};
  IdSet ids = ids_of(db, ps);
  if (auto s = provinces_of(db, ps, ids); !s) return s;
  std::string in = " WHERE project_id" + ids.sql;
  if (auto s = each_child(db, ps,
                          "SELECT project_id, facility_id FROM project_beneficiaries" + in +
                              " ORDER BY project_id, facility_id",
                          ids.param,
                          [](Project& p, const Row& r) { p.beneficiary_ids.push_back(r.i64(1)); });
      !s)
    return s;
  if (auto s = each_child(
          db, ps,
          "SELECT project_id, organization_id FROM project_cooperators" + in +
              " ORDER BY project_id, organization_id",
          ids.param, [](Project& p, const Row& r) { p.cooperating_org_ids.push_back(r.i64(1)); });
      !s)
    return s;
  if (auto s = outputs_of(db, ps, ids); !s) return s;
  return each_child(
      db, ps, "SELECT project_id, flag FROM project_flags" + in + " ORDER BY project_id, flag",
      ids.param, [](Project& p, const Row& r) { p.priority_flags.push_back(r.str(1)); });
}

std::string current_plan_from(const ListQuery& q) {
  if (q.year || q.program_id || !q.program_code.empty() || q.id)
    return "(SELECT p0.id AS project_id, (SELECT COALESCE(SUM(i.amount_vnd), 0) FROM "
           "plan_decision_items i WHERE i.project_id = p0.id) AS amount FROM projects p0) t JOIN "
           "projects p ON p.id = t.project_id";
  return "(SELECT i.project_id, SUM(i.amount_vnd) AS amount FROM plan_decision_items i GROUP BY "
         "i.project_id) t JOIN projects p ON p.id = t.project_id";
}

}  // namespace kc::store

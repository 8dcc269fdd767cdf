#include "store/dossier_repo.h"

#include "store/sql.h"

namespace kc::store {

Result<std::optional<Dossier>> get_dossier(Connection& db, std::int64_t project_id) {
  std::vector<Value> id{project_id};
  auto rows = db.query(
      "SELECT objectives, need, legal_basis, activities, location, scale, effect, updated_at "
      "FROM project_dossiers WHERE project_id = ?",
      id);
  if (!rows) return std::unexpected(rows.error());
  if (rows->empty()) return std::nullopt;
  const Row& r = rows->front();
  Dossier d{project_id, r.str(0), r.str(1), r.str(2), r.str(3), r.str(4),
            r.str(5),   r.str(6), {},       {},       r.str(7)};
  auto ms = db.query(
      "SELECT due_date, description FROM project_milestones WHERE project_id = ? "
      "ORDER BY position",
      id);
  if (!ms) return std::unexpected(ms.error());
  for (const auto& m : *ms)
    d.milestones.push_back({parse_date(m.str(0)).value_or(Date{}), m.str(1)});
  auto cs = db.query(
      "SELECT category, description, program_vnd, counterpart_vnd FROM project_cost_items "
      "WHERE project_id = ? ORDER BY position",
      id);
  if (!cs) return std::unexpected(cs.error());
  for (const auto& c : *cs) d.cost_items.push_back({c.str(0), c.str(1), c.i64(2), c.i64(3)});
  return d;
}

Status replace_dossier(Connection& db, Dossier& d) {
  std::vector<Value> id{d.project_id};
  for (const char* t : {"project_milestones", "project_cost_items", "project_dossiers"})
    if (auto r = db.exec(std::string("DELETE FROM ") + t + " WHERE project_id = ?", id); !r)
      return std::unexpected(r.error());
  d.updated_at = now_utc();
  std::vector<Value> own{d.project_id, d.objectives, d.need,   d.legal_basis, d.activities,
                         d.location,   d.scale,      d.effect, d.updated_at};
  if (auto s = insert_rows(db, "project_dossiers",
                           {"project_id", "objectives", "need", "legal_basis", "activities",
                            "location", "scale", "effect", "updated_at"},
                           own);
      !s)
    return s;
  std::vector<Value> ms, cs;
  for (size_t i = 0; i < d.milestones.size(); ++i)
    ms.insert(ms.end(), {d.project_id, static_cast<std::int64_t>(i), to_iso(d.milestones[i].date),
                         d.milestones[i].description});
  for (size_t i = 0; i < d.cost_items.size(); ++i) {
    const auto& c = d.cost_items[i];
    cs.insert(cs.end(), {d.project_id, static_cast<std::int64_t>(i), c.category, c.description,
                         c.program_vnd, c.counterpart_vnd});
  }
  if (auto s = insert_rows(db, "project_milestones",
                           {"project_id", "position", "due_date", "description"}, ms);
      !s)
    return s;
  return insert_rows(
      db, "project_cost_items",
      {"project_id", "position", "category", "description", "program_vnd", "counterpart_vnd"}, cs);
}

Result<std::optional<DossierTotals>> cost_totals(Connection& db, std::int64_t project_id) {
  auto rows = db.query(
      "SELECT COUNT(*), COALESCE(SUM(program_vnd), 0), COALESCE(SUM(counterpart_vnd), 0) "
      "FROM project_cost_items WHERE project_id = ?",
      std::vector<Value>{project_id});
  if (!rows) return std::unexpected(rows.error());
  const Row& r = rows->front();
  if (r.i64(0) == 0) return std::nullopt;
  return DossierTotals{r.i64(1), r.i64(2), r.i64(1) + r.i64(2)};
}

}  // namespace kc::store

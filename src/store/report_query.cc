#include "store/report_query.h"

#include "store/project_rows.h"
#include "store/sql.h"

namespace kc::store {

Result<std::vector<PlanGroup>> plan_breakdown(Connection& db, const ListQuery& q,
                                              PlanDimension by) {
  // The main province (position 0) places a project in a province and a region.
  const char* key = "p.content_code";
  if (by == PlanDimension::kind) key = "p.kind";
  if (by == PlanDimension::region)
    key =
        "(SELECT pp.region_code FROM project_provinces pp WHERE pp.project_id = p.id AND "
        "pp.position = 0)";
  if (by == PlanDimension::province)
    key =
        "(SELECT pp.province_2025 FROM project_provinces pp WHERE pp.project_id = p.id AND "
        "pp.position = 0)";
  ListQuery plain = q;
  plain.status.clear();
  Where w = project_filter(plain);
  w.add("t.amount > 0");
  auto rows = db.query(std::string("SELECT ") + key +
                           " AS k, COUNT(*), SUM(t.amount), SUM(p.counterpart_vnd) FROM " +
                           current_plan_from(q) + w.sql + " GROUP BY k ORDER BY k",
                       w.params);
  if (!rows) return std::unexpected(rows.error());
  std::vector<PlanGroup> out;
  for (const auto& r : *rows) out.push_back({r.str(0), r.i64(1), r.i64(2), r.i64(3)});
  return out;
}

Result<Freshness> freshness(Connection& db) {
  if (db.dialect() != "postgresql") return Freshness{now_utc(), false};
  auto rows = db.query(
      "SELECT CASE WHEN pg_is_in_recovery() THEN 1 ELSE 0 END, to_char((CASE WHEN NOT "
      "pg_is_in_recovery() OR "
      "pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN now() ELSE "
      "COALESCE(pg_last_xact_replay_timestamp(), now()) END) AT TIME ZONE 'UTC', "
      "'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')",
      {});
  if (!rows) return std::unexpected(rows.error());
  const auto& r = rows->front();
  return Freshness{r.str(1), r.i64(0) == 1};
}

}  // namespace kc::store

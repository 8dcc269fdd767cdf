#include "store/cluster_repo.h"

#include "domain/cluster_checks.h"
#include "domain/text.h"
#include "store/register_repo.h"
#include "store/sql.h"

namespace kc::store {
namespace {

constexpr const char* kCols =
    "id, code, name, commune, status, established_on, investor, plan_approved_on, "
    "province_set, province_code, province_2025, region_code, special_area, "
    "demand_exceeds_land, roads_done, water_done, wastewater_done, area_centiha, "
    "industrial_land_centiha, leased_land_centiha, tenants, workers, version";

Cluster cluster_from(const Row& r) {
  Cluster c;
  c.id = r.i64(0), c.code = r.str(1), c.name = r.str(2), c.commune = r.str(3);
  c.status = r.str(4), c.established_on = r.str(5), c.investor = r.str(6);
  c.plan_approved_on = r.str(7), c.province = {r.str(8), r.str(9)};
  c.province_2025 = r.str(10), c.region_code = r.str(11);
  c.special_area = r.i64(12) != 0, c.demand_exceeds_land = r.i64(13) != 0;
  c.roads_done = r.i64(14) != 0, c.water_done = r.i64(15) != 0, c.wastewater_done = r.i64(16) != 0;
  c.area = r.i64(17), c.industrial_land = r.i64(18), c.leased = r.i64(19);
  c.tenants = r.i64(20), c.workers = r.i64(21), c.version = r.i64(22);
  return c;
}

std::vector<Value> values(const Cluster& c, const ProvinceFacts& pf) {
  return {c.code,
          c.name,
          text_or_null(c.commune),
          c.status,
          text_or_null(c.established_on),
          text_or_null(c.investor),
          text_or_null(c.plan_approved_on),
          c.province.set,
          c.province.code,
          pf.province_2025,
          pf.region_code,
          std::int64_t{c.special_area},
          std::int64_t{c.demand_exceeds_land},
          std::int64_t{c.roads_done},
          std::int64_t{c.water_done},
          std::int64_t{c.wastewater_done},
          c.area,
          c.industrial_land,
          c.leased,
          c.tenants,
          c.workers,
          fold_for_search(c.code + " " + c.name + " " + c.commune + " " + c.investor + " " +
                          pf.name_vi)};
}

Where filter(const ListQuery& q) {
  Where w;
  if (q.id) w.add("id = ?", {*q.id});
  if (!q.province.empty()) {
    if (q.province_set == "2008")
      w.add("province_set = '2008' AND province_code = ?", {q.province});
    else
      w.add("province_2025 = ?", {q.province});
  }
  if (!q.region.empty()) w.add("region_code = ?", {q.region});
  if (!q.status.empty()) w.add("status = ?", {q.status});
  for (auto& pattern : search_patterns(q.q)) w.add("search_text LIKE ? ESCAPE '\\'", {pattern});
  return w;
}

}  // namespace

Result<Cluster> get_cluster(Connection& db, std::int64_t id) {
  return one_row<Cluster>(db,
                          std::string("SELECT ") + kCols + " FROM industrial_clusters WHERE id = ?",
                          {id}, "industrial cluster", cluster_from);
}

Result<std::int64_t> insert_cluster(Connection& db, const Cluster& c, const ProvinceFacts& pf) {
  auto v = values(c, pf);
  std::string now = now_utc();
  v.insert(v.end(), {now, now});
  return returned_id(db.query(
      "INSERT INTO industrial_clusters (code, name, commune, status, established_on, investor, "
      "plan_approved_on, province_set, province_code, province_2025, region_code, special_area, "
      "demand_exceeds_land, roads_done, water_done, wastewater_done, area_centiha, "
      "industrial_land_centiha, leased_land_centiha, tenants, workers, search_text, version, "
      "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
      "?, ?, ?, 1, ?, ?) RETURNING id",
      v));
}

Status update_cluster(Connection& db, const Cluster& c, const ProvinceFacts& pf) {
  auto v = values(c, pf);
  v.insert(v.end(), {now_utc(), c.id, c.version});
  return expect_one(
      db,
      db.exec("UPDATE industrial_clusters SET code = ?, name = ?, commune = ?, status = ?, "
              "established_on = ?, investor = ?, plan_approved_on = ?, province_set = ?, "
              "province_code = ?, province_2025 = ?, region_code = ?, special_area = ?, "
              "demand_exceeds_land = ?, roads_done = ?, water_done = ?, wastewater_done = ?, "
              "area_centiha = ?, industrial_land_centiha = ?, leased_land_centiha = ?, "
              "tenants = ?, workers = ?, search_text = ?, version = version + 1, updated_at = ? "
              "WHERE id = ? AND version = ?",
              v),
      "industrial_clusters", c.id);
}

Result<Page<Cluster>> list_clusters(Connection& db, const ListQuery& q) {
  Where w = filter(q);
  auto rows = fetch_page(db, kCols, "industrial_clusters", w, "province_2025 ASC, code", q);
  if (!rows) return std::unexpected(rows.error());
  Page<Cluster> page{{}, rows->total, q.page, q.page_size};
  for (const auto& r : rows->rows) page.items.push_back(cluster_from(r));
  return page;
}

Result<ClusterTotals> cluster_totals(Connection& db, const ListQuery& q) {
  Where w = filter(q);
  auto rows = db.query(
      "SELECT COUNT(*), COALESCE(SUM(area_centiha), 0), COALESCE(SUM(industrial_land_centiha), "
      "0), COALESCE(SUM(leased_land_centiha), 0), COALESCE(SUM(tenants), 0), "
      "COALESCE(SUM(workers), 0) FROM industrial_clusters" +
          w.sql,
      w.params);
  if (!rows) return std::unexpected(rows.error());
  const auto& r = rows->front();
  ClusterTotals t{r.i64(0), r.i64(1), r.i64(2), r.i64(3), r.i64(4), r.i64(5), {}};
  auto provinces = db.query("SELECT province_2025, COUNT(*) FROM industrial_clusters" + w.sql +
                                " GROUP BY province_2025 ORDER BY province_2025",
                            w.params);
  if (!provinces) return std::unexpected(provinces.error());
  for (const auto& p : *provinces) t.by_province.emplace_back(p.str(0), p.i64(1));
  return t;
}

Result<OtherClusters> other_clusters(Connection& db, const std::string& province_2025,
                                     std::int64_t except_id) {
  auto rows = db.query(
      "SELECT industrial_land_centiha, leased_land_centiha FROM industrial_clusters WHERE "
      "province_2025 = ? AND id <> ? AND status IN ('established', 'expanded', 'operating')",
      std::vector<Value>{province_2025, except_id});
  if (!rows) return std::unexpected(rows.error());
  OtherClusters o;
  double sum = 0;
  for (const auto& r : *rows) {
    ++o.count, o.industrial_land += r.i64(0), o.leased += r.i64(1);
    sum += occupancy_pct(r.i64(1), r.i64(0));
  }
  if (o.count) o.average_occupancy_pct = sum / static_cast<double>(o.count);
  return o;
}

Status apply_reported_figures(Connection& db, std::int64_t id, std::int64_t tenants,
                              std::int64_t workers, std::int64_t leased, bool wastewater_done) {
  return expect_one(
      db,
      db.exec("UPDATE industrial_clusters SET tenants = ?, workers = ?, leased_land_centiha = ?, "
              "wastewater_done = ?, version = version + 1, updated_at = ? WHERE id = ?",
              std::vector<Value>{tenants, workers, leased, std::int64_t{wastewater_done}, now_utc(),
                                 id}),
      "industrial_clusters", id);
}

Result<bool> cluster_code_taken(Connection& db, const std::string& code, std::int64_t except_id) {
  auto n = db.scalar("SELECT COUNT(*) FROM industrial_clusters WHERE code = ? AND id <> ?",
                     std::vector<Value>{code, except_id});
  if (!n) return std::unexpected(n.error());
  return *n > 0;
}

Status link_cluster_project(Connection& db, std::int64_t cluster_id, std::int64_t project_id) {
  auto n = db.exec("INSERT INTO cluster_projects (cluster_id, project_id) VALUES (?, ?)",
                   std::vector<Value>{cluster_id, project_id});
  if (!n) return std::unexpected(n.error());
  return {};
}

Result<std::vector<ClusterProject>> cluster_projects(Connection& db, std::int64_t cluster_id) {
  auto rows = db.query(
      "SELECT p.id, p.year, p.code, p.title, p.content_code, o.indicator_code FROM "
      "cluster_projects l JOIN projects p ON p.id = l.project_id LEFT JOIN project_outputs o ON "
      "o.project_id = p.id WHERE l.cluster_id = ? ORDER BY p.year, p.code, o.indicator_code",
      std::vector<Value>{cluster_id});
  if (!rows) return std::unexpected(rows.error());
  std::vector<ClusterProject> out;
  for (const auto& r : *rows) {
    if (out.empty() || out.back().project_id != r.i64(0))
      out.push_back({r.i64(0), r.i64(1), r.str(2), r.str(3), r.str(4), {}});
    if (!r.is_null(5)) out.back().indicators.push_back(r.str(5));
  }
  return out;
}

}  // namespace kc::store

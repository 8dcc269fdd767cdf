#include "store/cluster_report_repo.h"

#include "domain/text.h"
#include "store/register_repo.h"
#include "store/sql.h"

namespace kc::store {
namespace {

constexpr const char* kCols =
    "r.id, r.cluster_id, r.province_2025, r.year, r.kind, r.due_on, r.received_on, r.tenants, "
    "r.tenant_reports, r.workers, r.leased_land_centiha, r.wastewater_done, r.investment_vnd, "
    "r.note, r.status, r.recorded_by, r.version, c.code, c.name, c.industrial_land_centiha";
constexpr const char* kFrom = "cluster_reports r JOIN industrial_clusters c ON c.id = r.cluster_id";
constexpr const char* kMustReport = "c.status IN ('established', 'expanded', 'operating')";

ClusterReport report_from(const Row& r) {
  ClusterReport c;
  c.id = r.i64(0), c.cluster_id = r.i64(1), c.province_2025 = r.str(2), c.year = r.i64(3);
  c.kind = r.str(4), c.due_on = r.str(5), c.received_on = r.str(6), c.tenants = r.i64(7);
  c.tenant_reports = r.i64(8), c.workers = r.i64(9), c.leased = r.i64(10);
  c.wastewater_done = r.i64(11) != 0, c.investment_vnd = r.i64(12), c.note = r.str(13);
  c.status = r.str(14), c.recorded_by = r.i64(15), c.version = r.i64(16);
  c.cluster_code = r.str(17), c.cluster_name = r.str(18), c.industrial_land = r.i64(19);
  return c;
}

Result<std::vector<ClusterReport>> reports_where(Connection& db, const std::string& where,
                                                 std::vector<Value> params) {
  auto rows = db.query(std::string("SELECT ") + kCols + " FROM " + kFrom + " WHERE " + where,
                       std::move(params));
  if (!rows) return std::unexpected(rows.error());
  std::vector<ClusterReport> out;
  for (const auto& r : *rows) out.push_back(report_from(r));
  return out;
}

}  // namespace

Result<ClusterReport> get_cluster_report(Connection& db, std::int64_t id) {
  return one_row<ClusterReport>(
      db, std::string("SELECT ") + kCols + " FROM " + kFrom + " WHERE r.id = ?", {id},
      "cluster report", report_from);
}

Result<std::int64_t> insert_cluster_report(Connection& db, const ClusterReport& r) {
  std::string now = now_utc();
  return returned_id(db.query(
      "INSERT INTO cluster_reports (cluster_id, province_2025, year, kind, due_on, received_on, "
      "tenants, tenant_reports, workers, leased_land_centiha, wastewater_done, investment_vnd, "
      "note, status, recorded_by, version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, "
      "?, ?, ?, ?, ?, ?, 'received', ?, 1, ?, ?) RETURNING id",
      std::vector<Value>{r.cluster_id, r.province_2025, r.year, r.kind, r.due_on, r.received_on,
                         r.tenants, r.tenant_reports, r.workers, r.leased,
                         std::int64_t{r.wastewater_done}, r.investment_vnd, text_or_null(r.note),
                         r.recorded_by, now, now}));
}

Status update_cluster_report(Connection& db, const ClusterReport& r) {
  return expect_one(
      db,
      db.exec("UPDATE cluster_reports SET received_on = ?, tenants = ?, tenant_reports = ?, "
              "workers = ?, leased_land_centiha = ?, wastewater_done = ?, investment_vnd = ?, "
              "note = ?, status = ?, version = version + 1, updated_at = ? WHERE id = ? AND "
              "version = ?",
              std::vector<Value>{r.received_on, r.tenants, r.tenant_reports, r.workers, r.leased,
                                 std::int64_t{r.wastewater_done}, r.investment_vnd,
                                 text_or_null(r.note), r.status, now_utc(), r.id, r.version}),
      "cluster_reports", r.id);
}

Result<std::optional<std::int64_t>> cluster_report_of(Connection& db, std::int64_t cluster_id,
                                                      std::int64_t year, const std::string& kind) {
  auto rows =
      db.query("SELECT id FROM cluster_reports WHERE cluster_id = ? AND year = ? AND kind = ?",
               std::vector<Value>{cluster_id, year, kind});
  if (!rows) return std::unexpected(rows.error());
  if (rows->empty()) return std::optional<std::int64_t>();
  return std::optional(rows->front().i64(0));
}

Result<Page<ClusterReport>> list_cluster_reports(Connection& db, const ListQuery& q) {
  Where w;
  if (q.scope_none) w.add("1 = 0");
  if (!q.scope_province.empty()) w.add("r.province_2025 = ?", {q.scope_province});
  if (q.year) w.add("r.year = ?", {std::int64_t{*q.year}});
  if (!q.kind.empty()) w.add("r.kind = ?", {q.kind});
  if (!q.province.empty()) w.add("r.province_2025 = ?", {q.province});
  if (!q.status.empty()) w.add("r.status = ?", {q.status});
  for (auto& pattern : search_patterns(q.q)) w.add("c.search_text LIKE ? ESCAPE '\\'", {pattern});
  auto rows = fetch_page(db, kCols, kFrom, w,
                         order_by(q, {{"received_on", "r.received_on"}, {"due_on", "r.due_on"}},
                                  "r.year DESC, r.kind DESC, r.province_2025, c.code", "r.id"),
                         q);
  if (!rows) return std::unexpected(rows.error());
  Page<ClusterReport> page{{}, rows->total, q.page, q.page_size};
  for (const auto& r : rows->rows) page.items.push_back(report_from(r));
  return page;
}

Result<std::vector<ClusterReport>> reports_of_cluster(Connection& db, std::int64_t cluster_id) {
  return reports_where(db, "r.cluster_id = ? ORDER BY r.year DESC, r.kind DESC", {cluster_id});
}

Result<std::vector<ClusterReport>> reports_to_compile(Connection& db, const std::string& province,
                                                      std::int64_t year, const std::string& kind) {
  return reports_where(db,
                       "r.province_2025 = ? AND r.year = ? AND r.kind = ? AND r.status = "
                       "'received' ORDER BY c.code",
                       {province, year, kind});
}

Status mark_compiled(Connection& db, std::int64_t report_id) {
  return expect_one(db,
                    db.exec("UPDATE cluster_reports SET status = 'compiled', version = version + "
                            "1, updated_at = ? WHERE id = ?",
                            std::vector<Value>{now_utc(), report_id}),
                    "cluster_reports", report_id);
}

Result<std::vector<ProvincePeriod>> period_by_province(Connection& db, std::int64_t year,
                                                       const std::string& kind,
                                                       const std::string& province) {
  std::vector<Value> params{year, kind, year, kind};
  std::string only;
  if (!province.empty()) only = " AND c.province_2025 = ?", params.push_back(province);
  auto rows = db.query(
      std::string("SELECT c.province_2025, COUNT(*), COUNT(r.id), COALESCE(SUM(CASE WHEN "
                  "r.received_on > r.due_on THEN 1 ELSE 0 END), 0), COALESCE(SUM(CASE WHEN "
                  "r.status = 'compiled' THEN 1 ELSE 0 END), 0), "
                  "SUM(c.industrial_land_centiha), COALESCE(SUM(r.leased_land_centiha), 0), "
                  "COALESCE(SUM(r.tenants), 0), COALESCE(SUM(r.workers), 0), "
                  "COALESCE(SUM(r.investment_vnd), 0), MAX(k.compiled_on) FROM "
                  "industrial_clusters c LEFT JOIN cluster_reports r ON r.cluster_id = c.id AND "
                  "r.year = ? AND r.kind = ? LEFT JOIN cluster_report_compilations k ON "
                  "k.province_2025 = c.province_2025 AND k.year = ? AND k.kind = ? WHERE ") +
          kMustReport + only + " GROUP BY c.province_2025 ORDER BY c.province_2025",
      params);
  if (!rows) return std::unexpected(rows.error());
  std::vector<ProvincePeriod> out;
  for (const auto& r : *rows)
    out.push_back({r.str(0), r.i64(1), r.i64(2), r.i64(3), r.i64(4), r.i64(5), r.i64(6), r.i64(7),
                   r.i64(8), r.i64(9), r.str(10)});
  return out;
}

Status save_compilation(Connection& db, const ProvincePeriod& p, std::int64_t year,
                        const std::string& kind, const std::string& on, std::int64_t by) {
  auto gone = db.exec(
      "DELETE FROM cluster_report_compilations WHERE province_2025 = ? AND year = ? AND kind = ?",
      std::vector<Value>{p.province_2025, year, kind});
  if (!gone) return std::unexpected(gone.error());
  auto n = db.exec(
      "INSERT INTO cluster_report_compilations (province_2025, year, kind, compiled_on, "
      "compiled_by, clusters, reported, late) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      std::vector<Value>{p.province_2025, year, kind, on, by, p.clusters, p.reported, p.late});
  if (!n) return std::unexpected(n.error());
  return {};
}

}  // namespace kc::store

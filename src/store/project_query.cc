// Listing and totals of projects: the filters shared by the list, the export and the
// statistics, so that every view of the register counts the same way.
#include "domain/text.h"
#include "store/project_repo.h"
#include "store/register_repo.h"

namespace kc::store {
namespace {

struct Filter {
  std::string where;
  std::vector<Value> params;
  void add(const std::string& clause, std::vector<Value> v = {}) {
    where += where.empty() ? " WHERE " : " AND ";
    where += clause;
    for (auto& x : v) params.push_back(std::move(x));
  }
};

Filter project_filter(const ListQuery& q) {
  Filter f;
  if (q.scope_none) f.add("1 = 0");
  if (!q.scope_province.empty())
    f.add(
        "EXISTS (SELECT 1 FROM project_provinces sp WHERE sp.project_id = p.id AND "
        "sp.province_2025 = ?)",
        {q.scope_province});
  if (q.scope_org > 0) f.add("p.implementing_org_id = ?", {q.scope_org});
  if (q.id) f.add("p.id = ?", {*q.id});
  if (q.year) f.add("p.year = ?", {std::int64_t{*q.year}});
  if (q.program_id) f.add("p.program_id = ?", {*q.program_id});
  if (!q.content.empty()) f.add("p.content_code = ?", {q.content});
  if (!q.status.empty()) f.add("p.status = ?", {q.status});
  if (!q.kind.empty()) f.add("p.kind = ?", {q.kind});
  if (!q.province.empty()) {
    if (q.province_set == "2008")
      f.add(
          "EXISTS (SELECT 1 FROM project_provinces pp WHERE pp.project_id = p.id AND "
          "pp.province_set = '2008' AND pp.province_code = ?)",
          {q.province});
    else
      f.add(
          "EXISTS (SELECT 1 FROM project_provinces pp WHERE pp.project_id = p.id AND "
          "pp.province_2025 = ?)",
          {q.province});
  }
  if (!q.region.empty())
    f.add(
        "EXISTS (SELECT 1 FROM project_provinces pp WHERE pp.project_id = p.id AND "
        "pp.region_code = ?)",
        {q.region});
  if (!q.area.empty())
    f.add(
        "EXISTS (SELECT 1 FROM project_provinces pp JOIN region_areas ra ON ra.region_code = "
        "pp.region_code WHERE pp.project_id = p.id AND ra.area_code = ?)",
        {q.area});
  for (auto& pattern : search_patterns(q.q)) f.add("p.search_text LIKE ? ESCAPE '\\'", {pattern});
  return f;
}

std::string project_order(const ListQuery& q) {
  static const std::pair<const char*, const char*> kSortable[] = {
      {"code", "p.code"},
      {"title", "p.title"},
      {"year", "p.year"},
      {"requested_vnd", "p.requested_vnd"},
      {"total_vnd", "p.total_vnd"},
      {"start", "p.start_date"},
      {"end", "p.end_date"},
      {"status", "p.status"},
      {"content_code", "p.content_code"},
      {"updated_at", "p.updated_at"}};
  std::string col = "p.code";
  for (auto [name, expr] : kSortable)
    if (q.sort == name) col = expr;
  return col + (q.descending ? " DESC" : " ASC") + ", p.id ASC";
}

Result<std::vector<ProjectTotals::Group>> grouped(Connection& db, const Filter& f,
                                                  const std::string& key,
                                                  const std::string& join = "") {
  auto rows =
      db.query("SELECT " + key + ", COUNT(DISTINCT p.id), SUM(p.requested_vnd) FROM projects p " +
                   join + f.where + " GROUP BY " + key + " ORDER BY " + key,
               f.params);
  if (!rows) return std::unexpected(rows.error());
  std::vector<ProjectTotals::Group> out;
  for (const auto& r : *rows) out.push_back({r.str(0), r.i64(1), r.i64(2)});
  return out;
}

}  // namespace

Result<Page<ProjectListItem>> list_projects(Connection& db, const ListQuery& q) {
  Filter f = project_filter(q);
  auto total = db.scalar("SELECT COUNT(*) FROM projects p" + f.where, f.params);
  if (!total) return std::unexpected(total.error());
  std::vector<Value> params = f.params;
  params.emplace_back(std::int64_t{q.page_size});
  params.emplace_back(std::int64_t{q.page - 1} * q.page_size);
  auto rows = db.query(
      "SELECT p.id, p.code, p.title, p.year, p.program_id, p.content_code, p.kind, "
      "p.implementing_org_id, p.requested_vnd, p.counterpart_vnd, p.total_vnd, p.start_date, "
      "p.end_date, p.status, p.version, p.created_at, p.updated_at, o.name FROM projects p "
      "JOIN organizations o ON o.id = p.implementing_org_id" +
          f.where + " ORDER BY " + project_order(q) + " LIMIT ? OFFSET ?",
      params);
  if (!rows) return std::unexpected(rows.error());
  Page<ProjectListItem> page{{}, *total, q.page, q.page_size};
  std::string ids;
  for (const auto& r : *rows) {
    Project p;
    p.id = r.i64(0), p.code = r.str(1), p.title = r.str(2), p.year = static_cast<int>(r.i64(3));
    p.program_id = r.i64(4), p.content_code = r.str(5), p.kind = r.str(6);
    p.implementing_org_id = r.i64(7), p.requested_vnd = r.i64(8), p.counterpart_vnd = r.i64(9);
    p.total_vnd = r.i64(10), p.start = parse_date(r.str(11)).value_or(Date{});
    p.end = parse_date(r.str(12)).value_or(Date{}), p.status = r.str(13), p.version = r.i64(14);
    p.created_at = r.str(15), p.updated_at = r.str(16);
    ids += (ids.empty() ? "" : ",") + std::to_string(p.id);
    page.items.push_back({std::move(p), r.str(17)});
  }
  if (ids.empty()) return page;
  // Provinces of the whole page in one query (ids are integers we produced: safe to inline).
  auto prov = db.query(
      "SELECT project_id, province_set, province_code FROM project_provinces "
      "WHERE project_id IN (" +
          ids + ") ORDER BY project_id, position",
      {});
  if (!prov) return std::unexpected(prov.error());
  for (const auto& r : *prov)
    for (auto& item : page.items)
      if (item.project.id == r.i64(0)) item.project.provinces.push_back({r.str(1), r.str(2)});
  return page;
}

Result<ProjectTotals> project_totals(Connection& db, const ListQuery& q) {
  Filter f = project_filter(q);
  ProjectTotals t;
  auto sums = db.query(
      "SELECT COUNT(*), COALESCE(SUM(p.requested_vnd), 0), "
      "COALESCE(SUM(p.counterpart_vnd), 0), COALESCE(SUM(p.total_vnd), 0) "
      "FROM projects p" +
          f.where,
      f.params);
  if (!sums) return std::unexpected(sums.error());
  const Row& s = sums->front();
  t.projects = s.i64(0), t.requested_vnd = s.i64(1), t.counterpart_vnd = s.i64(2),
  t.total_vnd = s.i64(3);
  auto ben = db.scalar(
      "SELECT COUNT(DISTINCT b.facility_id) FROM projects p JOIN "
      "project_beneficiaries b ON b.project_id = p.id" +
          f.where,
      f.params);
  if (!ben) return std::unexpected(ben.error());
  t.beneficiaries = *ben;
  auto c = grouped(db, f, "p.content_code");
  auto k = grouped(db, f, "p.kind");
  auto st = grouped(db, f, "p.status");
  auto rg = grouped(db, f, "mp.region_code",
                    "JOIN project_provinces mp ON mp.project_id = p.id AND mp.position = 0");
  for (auto* g : {&c, &k, &st, &rg})
    if (!*g) return std::unexpected(g->error());
  t.by_content = std::move(*c), t.by_kind = std::move(*k), t.by_status = std::move(*st);
  t.by_region = std::move(*rg);
  auto outs = db.query(
      "SELECT o.indicator_code, SUM(o.quantity) FROM projects p JOIN project_outputs o "
      "ON o.project_id = p.id JOIN indicators i ON i.code = o.indicator_code" +
          f.where + " GROUP BY o.indicator_code, i.sort_order ORDER BY i.sort_order",
      f.params);
  if (!outs) return std::unexpected(outs.error());
  for (const auto& r : *outs) t.outputs.push_back({r.str(0), r.i64(1)});
  return t;
}

}  // namespace kc::store

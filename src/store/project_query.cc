// Listing and totals of projects: the filters shared by the list, the export and the
// statistics, so that every view of the register counts the same way.
#include <algorithm>
#include <unordered_map>

#include "domain/text.h"
#include "store/project_repo.h"
#include "store/project_rows.h"
#include "store/register_repo.h"
#include "store/sql.h"

namespace kc::store {

Where project_filter(const ListQuery& q) {
  Where f;
  if (q.scope_none) f.add("1 = 0");
  if (!q.scope_province.empty())
    f.add(
        "EXISTS (SELECT 1 FROM project_provinces sp WHERE sp.project_id = p.id AND "
        "sp.province_2025 = ?)",
        {q.scope_province});
  if (q.scope_org > 0) f.add("p.implementing_org_id = ?", {q.scope_org});
  if (q.scope_assignee > 0)
    f.add("EXISTS (SELECT 1 FROM assignments sa WHERE sa.project_id = p.id AND sa.user_id = ?)",
          {q.scope_assignee});
  if (q.id) f.add("p.id = ?", {*q.id});
  if (q.year) f.add("p.year = ?", {std::int64_t{*q.year}});
  if (q.program_id) f.add("p.program_id = ?", {*q.program_id});
  if (!q.program_code.empty())
    f.add("p.program_id = (SELECT pg.id FROM programs pg WHERE pg.code = ?)", {q.program_code});
  if (!q.level.empty())
    f.add("p.program_id IN (SELECT pg.id FROM programs pg WHERE pg.level = ?)", {q.level});
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

namespace {

std::string project_order(const ListQuery& q) {
  return order_by(q,
                  {{"code", "p.code"},
                   {"title", "p.title"},
                   {"year", "p.year"},
                   {"requested_vnd", "p.requested_vnd"},
                   {"total_vnd", "p.total_vnd"},
                   {"start", "p.start_date"},
                   {"end", "p.end_date"},
                   {"status", "p.status"},
                   {"content_code", "p.content_code"},
                   {"updated_at", "p.updated_at"}},
                  "p.code", "p.id");
}

Result<std::vector<ProjectTotals::Group>> grouped(Connection& db, const Where& f,
                                                  const std::string& key,
                                                  const std::string& join = "") {
  auto rows =
      db.query("SELECT " + key + ", COUNT(DISTINCT p.id), SUM(p.requested_vnd) FROM projects p " +
                   join + f.sql + " GROUP BY " + key + " ORDER BY " + key,
               f.params);
  if (!rows) return std::unexpected(rows.error());
  std::vector<ProjectTotals::Group> out;
  for (const auto& r : *rows) out.push_back({r.str(0), r.i64(1), r.i64(2)});
  return out;
}

}  // namespace

Result<Page<ProjectListItem>> list_projects(Connection& db, const ListQuery& q) {
  auto rows = fetch_page(db, std::string(kProjectColumns) + ", o.name",
                         "projects p JOIN organizations o ON o.id = p.implementing_org_id",
                         project_filter(q), project_order(q), q);
  if (!rows) return std::unexpected(rows.error());
  Page<ProjectListItem> page{{}, rows->total, q.page, q.page_size};
  page.items.reserve(rows->rows.size());
  for (const auto& r : rows->rows) page.items.push_back({project_from(r), r.str(17)});
  std::vector<Project*> ps;
  for (auto& item : page.items) ps.push_back(&item.project);
  if (auto s = load_provinces(db, ps); !s) return std::unexpected(s.error());
  return page;
}

Result<ProjectTotals> project_totals(Connection& db, const ListQuery& q) {
  Where f = project_filter(q);
  ProjectTotals t;
  auto sums = db.query(
      "SELECT COUNT(*), COALESCE(SUM(p.requested_vnd), 0), "
      "COALESCE(SUM(p.counterpart_vnd), 0), COALESCE(SUM(p.total_vnd), 0) "
      "FROM projects p" +
          f.sql,
      f.params);
  if (!sums) return std::unexpected(sums.error());
  const Row& s = sums->front();
  t.projects = s.i64(0), t.requested_vnd = s.i64(1), t.counterpart_vnd = s.i64(2),
  t.total_vnd = s.i64(3);
  auto ben = db.scalar(
      "SELECT COUNT(DISTINCT b.facility_id) FROM projects p JOIN "
      "project_beneficiaries b ON b.project_id = p.id" +
          f.sql,
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
          f.sql + " GROUP BY o.indicator_code, i.sort_order ORDER BY i.sort_order",
      f.params);
  if (!outs) return std::unexpected(outs.error());
  for (const auto& r : *outs) t.outputs.push_back({r.str(0), r.i64(1)});
  return t;
}

Status each_project_batch(Connection& db, const ListQuery& q, std::size_t batch,
                          const std::function<Status(std::vector<Project>&, std::size_t)>& fn) {
  Where f = project_filter(q);
  auto id_rows =
      db.query("SELECT p.id FROM projects p" + f.sql + " ORDER BY " + project_order(q), f.params);
  if (!id_rows) return std::unexpected(id_rows.error());
  std::vector<std::int64_t> ids;
  ids.reserve(id_rows->size());
  for (const auto& r : *id_rows) ids.push_back(r.i64(0));
  id_rows->clear();
  id_rows->shrink_to_fit();
  for (std::size_t at = 0; at < ids.size(); at += batch) {
    std::size_t end = std::min(ids.size(), at + batch);
    std::unordered_map<std::int64_t, std::size_t> position;
    for (std::size_t i = at; i < end; ++i) position[ids[i]] = i - at;
    IdSet set = id_set(db, std::span(ids).subspan(at, end - at));
    auto rows =
        db.query(std::string("SELECT ") + kProjectColumns + " FROM projects p WHERE p.id" + set.sql,
                 std::vector<Value>{set.param});
    if (!rows) return std::unexpected(rows.error());
    std::vector<Project> out(end - at);
    for (const auto& r : *rows) {
      Project p = project_from(r);
      out[position[p.id]] = std::move(p);
    }
    std::vector<Project*> ps;
    for (auto& p : out) ps.push_back(&p);
    if (auto s = load_children(db, ps); !s) return s;
    if (auto s = fn(out, ids.size()); !s) return s;
  }
  return {};
}

}  // namespace kc::store

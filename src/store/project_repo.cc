#include "store/project_repo.h"

#include "domain/text.h"
#include "store/register_repo.h"

namespace kc::store {
namespace {

std::string project_search(const Project& p, const std::vector<ProvinceFacts>& facts) {
  std::string s = p.code + " " + p.title;
  for (const auto& f : facts) s += " " + f.name_vi;
  return fold_for_search(s);
}

Status replace_children(Connection& db, const Project& p, const std::vector<ProvinceFacts>& facts) {
  std::vector<Value> id{p.id};
  for (const char* t : {"project_provinces", "project_beneficiaries", "project_cooperators",
                        "project_outputs", "project_flags"}) {
    if (auto r = db.exec(std::string("DELETE FROM ") + t + " WHERE project_id = ?", id); !r)
      return std::unexpected(r.error());
  }
  auto run = [&](const char* sql, std::vector<Value> v) -> Status {
    if (auto r = db.exec(sql, v); !r) return std::unexpected(r.error());
    return {};
  };
  for (size_t i = 0; i < p.provinces.size(); ++i) {
    if (auto s = run("INSERT INTO project_provinces (project_id, position, province_set, "
                     "province_code, province_2025, region_code) VALUES (?, ?, ?, ?, ?, ?)",
                     {p.id, static_cast<std::int64_t>(i), p.provinces[i].set, p.provinces[i].code,
                      facts[i].province_2025, facts[i].region_code});
        !s)
      return s;
  }
  for (auto f : p.beneficiary_ids)
    if (auto s = run("INSERT INTO project_beneficiaries (project_id, facility_id) VALUES (?, ?)",
                     {p.id, f});
        !s)
      return s;
  for (auto o : p.cooperating_org_ids)
    if (auto s = run("INSERT INTO project_cooperators (project_id, organization_id) VALUES (?, ?)",
                     {p.id, o});
        !s)
      return s;
  for (const auto& o : p.outputs)
    if (auto s = run(
            "INSERT INTO project_outputs (project_id, indicator_code, quantity) VALUES (?, ?, ?)",
            {p.id, o.indicator, o.quantity});
        !s)
      return s;
  for (const auto& f : p.priority_flags)
    if (auto s = run("INSERT INTO project_flags (project_id, flag) VALUES (?, ?)", {p.id, f}); !s)
      return s;
  return {};
}

std::vector<Value> own_values(const Project& p, const std::vector<ProvinceFacts>& facts) {
  return {p.code,
          p.title,
          std::int64_t{p.year},
          p.program_id,
          p.content_code,
          p.kind,
          p.implementing_org_id,
          p.requested_vnd,
          p.counterpart_vnd,
          p.total_vnd,
          to_iso(p.start),
          to_iso(p.end),
          p.status,
          project_search(p, facts)};
}

}  // namespace

Result<Project> get_project(Connection& db, std::int64_t id) {
  std::vector<Value> pid{id};
  auto rows = db.query(
      "SELECT id, code, title, year, program_id, content_code, kind, implementing_org_id, "
      "requested_vnd, counterpart_vnd, total_vnd, start_date, end_date, status, version, "
      "created_at, updated_at FROM projects WHERE id = ?",
      pid);
  if (!rows) return std::unexpected(rows.error());
  if (rows->empty()) return std::unexpected(Error::not_found("project not found"));
  const Row& r = rows->front();
  Project p;
  p.id = r.i64(0), p.code = r.str(1), p.title = r.str(2), p.year = static_cast<int>(r.i64(3));
  p.program_id = r.i64(4), p.content_code = r.str(5), p.kind = r.str(6);
  p.implementing_org_id = r.i64(7), p.requested_vnd = r.i64(8), p.counterpart_vnd = r.i64(9);
  p.total_vnd = r.i64(10), p.start = parse_date(r.str(11)).value_or(Date{});
  p.end = parse_date(r.str(12)).value_or(Date{}), p.status = r.str(13), p.version = r.i64(14);
  p.created_at = r.str(15), p.updated_at = r.str(16);

  auto children = [&](const char* sql) { return db.query(sql, pid); };
  auto prov = children(
      "SELECT province_set, province_code FROM project_provinces WHERE project_id = ? ORDER BY "
      "position");
  auto ben = children(
      "SELECT facility_id FROM project_beneficiaries WHERE project_id = ? ORDER BY facility_id");
  auto coop = children(
      "SELECT organization_id FROM project_cooperators WHERE project_id = ? ORDER BY "
      "organization_id");
  auto outs = children(
      "SELECT o.indicator_code, o.quantity FROM project_outputs o JOIN indicators i "
      "ON i.code = o.indicator_code WHERE project_id = ? ORDER BY i.sort_order");
  auto flags = children("SELECT flag FROM project_flags WHERE project_id = ? ORDER BY flag");
  for (auto* r2 : {&prov, &ben, &coop, &outs, &flags})
    if (!*r2) return std::unexpected(r2->error());
  for (const auto& x : *prov) p.provinces.push_back({x.str(0), x.str(1)});
  for (const auto& x : *ben) p.beneficiary_ids.push_back(x.i64(0));
  for (const auto& x : *coop) p.cooperating_org_ids.push_back(x.i64(0));
  for (const auto& x : *outs) p.outputs.push_back({x.str(0), x.i64(1)});
  for (const auto& x : *flags) p.priority_flags.push_back(x.str(0));
  return p;
}

Result<std::int64_t> insert_project(Connection& db, const Project& p,
                                    const std::vector<ProvinceFacts>& facts) {
  auto v = own_values(p, facts);
  std::string now = now_utc();
  v.insert(v.end(), {now, now});
  auto rows = db.query(
      "INSERT INTO projects (code, title, year, program_id, content_code, kind, "
      "implementing_org_id, requested_vnd, counterpart_vnd, total_vnd, start_date, end_date, "
      "status, search_text, version, created_at, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?) RETURNING id",
      v);
  if (!rows) return std::unexpected(rows.error());
  Project stored = p;
  stored.id = rows->front().i64(0);
  if (auto s = replace_children(db, stored, facts); !s) return std::unexpected(s.error());
  return stored.id;
}

Status update_project(Connection& db, const Project& p, const std::vector<ProvinceFacts>& facts) {
  auto v = own_values(p, facts);
  v.insert(v.end(), {now_utc(), p.id, p.version});
  auto changed = db.exec(
      "UPDATE projects SET code = ?, title = ?, year = ?, program_id = ?, content_code = ?, "
      "kind = ?, implementing_org_id = ?, requested_vnd = ?, counterpart_vnd = ?, total_vnd = ?, "
      "start_date = ?, end_date = ?, status = ?, search_text = ?, version = version + 1, "
      "updated_at = ? WHERE id = ? AND version = ?",
      v);
  if (!changed) return std::unexpected(changed.error());
  if (*changed == 0) return std::unexpected(stale_or_missing(db, "projects", p.id));
  return replace_children(db, p, facts);
}

}  // namespace kc::store

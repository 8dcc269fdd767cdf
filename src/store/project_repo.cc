#include "store/project_repo.h"

#include "domain/text.h"
#include "store/project_rows.h"
#include "store/register_repo.h"
#include "store/sql.h"

namespace kc::store {
namespace {

std::string project_search(const Project& p, const std::vector<ProvinceFacts>& facts) {
  std::string s = p.code + " " + p.title;
  for (const auto& f : facts) s += " " + f.name_vi;
  return fold_for_search(s);
}

// The child rows of many projects, gathered table by table so that each table takes
// multi-row inserts.
struct ChildRows {
  std::vector<Value> provinces, beneficiaries, cooperators, outputs, flags;

  void add(const Project& p, const std::vector<ProvinceFacts>& facts) {
    for (size_t i = 0; i < p.provinces.size(); ++i)
      provinces.insert(provinces.end(),
                       {p.id, static_cast<std::int64_t>(i), p.provinces[i].set, p.provinces[i].code,
                        facts[i].province_2025, facts[i].region_code});
    for (auto f : p.beneficiary_ids) beneficiaries.insert(beneficiaries.end(), {p.id, f});
    for (auto o : p.cooperating_org_ids) cooperators.insert(cooperators.end(), {p.id, o});
    for (const auto& o : p.outputs) outputs.insert(outputs.end(), {p.id, o.indicator, o.quantity});
    for (const auto& f : p.priority_flags) flags.insert(flags.end(), {p.id, f});
  }

  Status write(Connection& db) const {
    if (auto s = insert_rows(db, "project_provinces",
                             {"project_id", "position", "province_set", "province_code",
                              "province_2025", "region_code"},
                             provinces);
        !s)
      return s;
    if (auto s =
            insert_rows(db, "project_beneficiaries", {"project_id", "facility_id"}, beneficiaries);
        !s)
      return s;
    if (auto s =
            insert_rows(db, "project_cooperators", {"project_id", "organization_id"}, cooperators);
        !s)
      return s;
    if (auto s = insert_rows(db, "project_outputs", {"project_id", "indicator_code", "quantity"},
                             outputs);
        !s)
      return s;
    return insert_rows(db, "project_flags", {"project_id", "flag"}, flags);
  }
};

// Writes the child rows; on update (`fresh` false) the old ones are deleted first — a new
// project has none.
Status replace_children(Connection& db, const Project& p, const std::vector<ProvinceFacts>& facts,
                        bool fresh) {
  std::vector<Value> id{p.id};
  for (const char* t : {"project_provinces", "project_beneficiaries", "project_cooperators",
                        "project_outputs", "project_flags"}) {
    if (fresh) break;
    if (auto r = db.exec(std::string("DELETE FROM ") + t + " WHERE project_id = ?", id); !r)
      return std::unexpected(r.error());
  }
  ChildRows rows;
  rows.add(p, facts);
  return rows.write(db);
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
          project_search(p, facts),
          p.bundle,
          p.score_centi ? Value{*p.score_centi} : Value{nullptr}};
}

}  // namespace

Result<Project> get_project(Connection& db, std::int64_t id) {
  auto p = one_row<Project>(
      db, std::string("SELECT ") + kProjectColumns + " FROM projects p WHERE p.id = ?", {id},
      "project", project_from);
  if (!p) return p;
  if (auto s = load_children(db, {&*p}); !s) return std::unexpected(s.error());
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
      "status, search_text, bundle, score_centi, version, created_at, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?) RETURNING id",
      v);
  if (!rows) return std::unexpected(rows.error());
  Project stored = p;
  stored.id = rows->front().i64(0);
  if (auto s = replace_children(db, stored, facts, true); !s) return std::unexpected(s.error());
  return stored.id;
}

Status update_project(Connection& db, const Project& p, const std::vector<ProvinceFacts>& facts) {
  auto v = own_values(p, facts);
  v.insert(v.end(), {now_utc(), p.id, p.version});
  auto changed = db.exec(
      "UPDATE projects SET code = ?, title = ?, year = ?, program_id = ?, content_code = ?, "
      "kind = ?, implementing_org_id = ?, requested_vnd = ?, counterpart_vnd = ?, total_vnd = ?, "
      "start_date = ?, end_date = ?, status = ?, search_text = ?, bundle = ?, score_centi = ?, "
      "version = version + 1, "
      "updated_at = ? WHERE id = ? AND version = ?",
      v);
  if (auto s = expect_one(db, std::move(changed), "projects", p.id); !s) return s;
  return replace_children(db, p, facts, false);
}

Status insert_projects(Connection& db, std::vector<Project>& ps,
                       const std::vector<std::vector<ProvinceFacts>>& facts) {
  auto ids = allocate_ids(db, "projects", ps.size());
  if (!ids) return std::unexpected(ids.error());
  const std::string now = now_utc();
  std::vector<Value> own;
  own.reserve(ps.size() * 20);
  ChildRows children;
  for (size_t i = 0; i < ps.size(); ++i) {
    ps[i].id = (*ids)[i], ps[i].version = 1;
    own.push_back(ps[i].id);
    for (auto& v : own_values(ps[i], facts[i])) own.push_back(std::move(v));
    own.insert(own.end(), {std::int64_t{1}, now, now});
    children.add(ps[i], facts[i]);
  }
  if (auto s = insert_rows(db, "projects",
                           {"id",
                            "code",
                            "title",
                            "year",
                            "program_id",
                            "content_code",
                            "kind",
                            "implementing_org_id",
                            "requested_vnd",
                            "counterpart_vnd",
                            "total_vnd",
                            "start_date",
                            "end_date",
                            "status",
                            "search_text",
                            "bundle",
                            "score_centi",
                            "version",
                            "created_at",
                            "updated_at"},
                           own);
      !s)
    return s;
  return children.write(db);
}

}  // namespace kc::store

namespace kc::store {

namespace {

Result<std::optional<std::int64_t>> first_id(Result<std::vector<Row>> rows) {
  if (!rows) return std::unexpected(rows.error());
  if (rows->empty()) return std::optional<std::int64_t>{};
  return std::optional<std::int64_t>{rows->front().i64(0)};
}

}  // namespace

Result<std::optional<std::int64_t>> find_program_project(Connection& db, std::int64_t program_id,
                                                         const std::string& code) {
  return first_id(db.query("SELECT id FROM projects WHERE program_id = ? AND code = ?",
                           std::vector<Value>{program_id, code}));
}

Result<std::optional<std::int64_t>> find_project_code(Connection& db, const std::string& code) {
  return first_id(db.query("SELECT id FROM projects WHERE code = ?", std::vector<Value>{code}));
}

Result<bool> project_code_taken(Connection& db, const std::string& code, std::int64_t except_id) {
  auto n = db.scalar("SELECT COUNT(*) FROM projects WHERE code = ? AND id <> ?",
                     std::vector<Value>{code, except_id});
  if (!n) return std::unexpected(n.error());
  return *n > 0;
}

Status set_project_score(Connection& db, std::int64_t id, std::int64_t score_centi) {
  return expect_one(db,
                    db.exec("UPDATE projects SET score_centi = ?, updated_at = ? WHERE id = ?",
                            std::vector<Value>{score_centi, now_utc(), id}),
                    "projects", id);
}

Status set_project_status(Connection& db, std::int64_t id, std::int64_t version,
                          const std::string& status) {
  return expect_one(db,
                    db.exec("UPDATE projects SET status = ?, version = version + 1, updated_at = ? "
                            "WHERE id = ? AND version = ?",
                            std::vector<Value>{status, now_utc(), id, version}),
                    "projects", id);
}

Result<std::vector<SupportRow>> earlier_support(Connection& db,
                                                const std::vector<std::int64_t>& facility_ids,
                                                const std::string& content_code, int from_year,
                                                int to_year, std::int64_t except_id) {
  std::vector<SupportRow> out;
  if (facility_ids.empty()) return out;
  std::string marks;
  std::vector<Value> v;
  for (auto id : facility_ids) {
    marks += marks.empty() ? "?" : ", ?";
    v.emplace_back(id);
  }
  v.insert(v.end(), {content_code, std::int64_t{from_year}, std::int64_t{to_year}, except_id});
  auto rows = db.query(
      // The beneficiaries named on proposals and those an acceptance confirmed (the facility's
      // support history), whichever a project has.
      "SELECT DISTINCT p.id, b.facility_id, p.code, p.status, p.year FROM projects p JOIN "
      "(SELECT project_id, facility_id FROM project_beneficiaries UNION SELECT c.project_id, "
      "ab.facility_id FROM acceptance_beneficiaries ab JOIN acceptances x ON x.id = "
      "ab.acceptance_id JOIN contracts c ON c.id = x.contract_id WHERE x.verdict <> 'failed') b "
      "ON b.project_id = p.id WHERE b.facility_id IN (" +
          marks +
          ") AND p.content_code = ? AND p.year BETWEEN ? AND ? AND p.id <> ? AND p.status NOT IN "
          "('draft', 'withdrawn', 'failed', 'not_forwarded', 'cancelled') "
          "ORDER BY p.year, p.code",
      v);
  if (!rows) return std::unexpected(rows.error());
  for (const auto& r : *rows)
    out.push_back({r.i64(0), r.i64(1), r.str(2), r.str(3), static_cast<int>(r.i64(4))});
  return out;
}

Result<std::vector<std::string>> project_codes(Connection& db) {
  auto rows = db.query("SELECT code FROM projects", {});
  if (!rows) return std::unexpected(rows.error());
  std::vector<std::string> codes;
  codes.reserve(rows->size());
  for (const auto& r : *rows) codes.push_back(r.str(0));
  return codes;
}

Result<std::int64_t> count_projects(Connection& db) {
  return db.scalar("SELECT COUNT(*) FROM projects", {});
}

}  // namespace kc::store

#include "store/plan_repo.h"

#include <map>

#include "store/sql.h"

namespace kc::store {
namespace {

// The program's passed proposals and every member of a bundle one of them belongs to.
constexpr const char* kCandidateIds =
    "SELECT p.id FROM projects p WHERE p.program_id = ? AND (p.status = 'passed' OR "
    "(p.bundle <> '' AND p.bundle IN (SELECT q.bundle FROM projects q WHERE q.program_id = ? "
    "AND q.status = 'passed' AND q.bundle <> '')))";

}  // namespace

Result<std::vector<CandidateRow>> plan_candidates(Connection& db, std::int64_t program_id) {
  std::vector<Value> ids{program_id, program_id};
  auto rows = db.query(
      std::string("SELECT p.id, p.code, p.content_code, p.kind, p.bundle, "
                  "p.status, p.score_centi, p.requested_vnd, "
                  "p.implementing_org_id, p.title, p.end_date FROM projects p WHERE p.id IN (") +
          kCandidateIds + ") ORDER BY p.code",
      ids);
  if (!rows) return std::unexpected(rows.error());
  std::vector<CandidateRow> out;
  std::map<std::int64_t, std::size_t> at;
  for (const auto& r : *rows) {
    CandidateRow c;
    c.id = r.i64(0), c.code = r.str(1), c.content = r.str(2), c.kind = r.str(3);
    c.bundle = r.str(4), c.status = r.str(5);
    if (!r.is_null(6)) c.score_centi = r.i64(6);
    c.requested = r.i64(7), c.organization_id = r.i64(8), c.title = r.str(9);
    c.end_year = parse_date(r.str(10)).value_or(Date{}).year;
    at[c.id] = out.size();
    out.push_back(std::move(c));
  }
  auto provinces = db.query(
      std::string("SELECT project_id, province_set, province_code, province_2025, region_code "
                  "FROM project_provinces WHERE project_id IN (") +
          kCandidateIds + ") ORDER BY project_id, position",
      ids);
  if (!provinces) return std::unexpected(provinces.error());
  for (const auto& r : *provinces)
    out[at[r.i64(0)]].provinces.push_back({r.str(1), r.str(2), r.str(3), r.str(4)});
  auto flags = db.query(std::string("SELECT project_id, flag FROM project_flags WHERE "
                                    "project_id IN (") +
                            kCandidateIds + ") ORDER BY project_id, flag",
                        ids);
  if (!flags) return std::unexpected(flags.error());
  for (const auto& r : *flags) out[at[r.i64(0)]].flags.push_back(r.str(1));
  return out;
}

Result<std::vector<RunningProject>> running_point_projects(Connection& db, const Program& p,
                                                           int year) {
  std::string province = p.province ? p.province->code : "";
  auto rows = db.query(
      "SELECT x.code, x.requested_vnd, x.start_date, x.end_date FROM projects x "
      "JOIN programs g ON g.id = x.program_id WHERE x.kind = 'point' AND "
      "x.status IN ('approved', 'contracted', 'in_progress') AND g.level = ? AND "
      "COALESCE(g.province_code, '') = ? AND x.year < ? AND x.end_date >= ? AND NOT EXISTS "
      "(SELECT 1 FROM plan_tranches t WHERE t.project_id = x.id) ORDER BY x.code",
      std::vector<Value>{p.level, province, std::int64_t{year}, std::to_string(year) + "-01-01"});
  if (!rows) return std::unexpected(rows.error());
  std::vector<RunningProject> out;
  for (const auto& r : *rows)
    out.push_back({r.str(0), r.i64(1), parse_date(r.str(2)).value_or(Date{}),
                   parse_date(r.str(3)).value_or(Date{})});
  return out;
}

namespace {

constexpr const char* kScenarioCols =
    "id, program_id, name, body, result, created_by, version, created_at, updated_at";

SavedScenario scenario_from(const Row& r) {
  return {r.i64(0), r.i64(1), r.i64(5), r.i64(6), r.str(2), r.str(3), r.str(4), r.str(7), r.str(8)};
}

}  // namespace

Result<std::int64_t> insert_scenario(Connection& db, const SavedScenario& s) {
  std::string now = now_utc();
  return returned_id(
      db.query("INSERT INTO plan_scenarios (program_id, name, body, result, created_by, version, "
               "created_at, updated_at) VALUES (?, ?, ?, ?, ?, 1, ?, ?) RETURNING id",
               std::vector<Value>{s.program_id, s.name, s.body, s.result, s.created_by, now, now}));
}

Status update_scenario(Connection& db, const SavedScenario& s) {
  return expect_one(
      db,
      db.exec("UPDATE plan_scenarios SET name = ?, body = ?, result = ?, "
              "version = version + 1, updated_at = ? WHERE id = ? AND version = ?",
              std::vector<Value>{s.name, s.body, s.result, now_utc(), s.id, s.version}),
      "plan_scenarios", s.id);
}

Result<SavedScenario> get_scenario(Connection& db, std::int64_t id) {
  return one_row<SavedScenario>(
      db, std::string("SELECT ") + kScenarioCols + " FROM plan_scenarios WHERE id = ?", {id},
      "scenario", scenario_from);
}

Result<std::vector<SavedScenario>> list_scenarios(Connection& db, std::int64_t program_id) {
  std::string sql =
      "SELECT id, program_id, name, body, '', created_by, version, created_at, updated_at "
      "FROM plan_scenarios";
  std::vector<Value> params;
  if (program_id > 0) sql += " WHERE program_id = ?", params.emplace_back(program_id);
  auto rows = db.query(sql + " ORDER BY updated_at DESC, id DESC", params);
  if (!rows) return std::unexpected(rows.error());
  std::vector<SavedScenario> out;
  for (const auto& r : *rows) out.push_back(scenario_from(r));
  return out;
}

Result<bool> scenario_name_taken(Connection& db, std::int64_t program_id, const std::string& name,
                                 std::int64_t except_id) {
  auto n = db.scalar(
      "SELECT COUNT(*) FROM plan_scenarios WHERE program_id = ? AND name = ? "
      "AND id <> ?",
      std::vector<Value>{program_id, name, except_id});
  if (!n) return std::unexpected(n.error());
  return *n > 0;
}

}  // namespace kc::store

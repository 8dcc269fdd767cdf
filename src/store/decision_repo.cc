#include "store/decision_repo.h"

#include <map>

#include "store/sql.h"

namespace kc::store {
namespace {

// The decision items' project facts, by one query over the decisions chosen by `where`.
constexpr const char* kItemFacts =
    "SELECT i.decision_id, i.project_id, i.amount_vnd, p.code, p.content_code, "
    "COALESCE(pp.region_code, '') FROM plan_decision_items i "
    "JOIN plan_decisions d ON d.id = i.decision_id JOIN projects p ON p.id = i.project_id "
    "LEFT JOIN project_provinces pp ON pp.project_id = p.id AND pp.position = 0 ";

DecisionItem item_from(const Row& r) {
  return {r.i64(1), r.i64(2), r.str(3), r.str(4), r.str(5)};
}

}  // namespace

Result<std::int64_t> insert_decision(Connection& db, Decision& d) {
  d.created_at = now_utc();
  auto id = returned_id(
      db.query("INSERT INTO plan_decisions (program_id, kind, number, signed_on, signer, batch, "
               "scenario_id, reason, total_vnd, created_by, created_at) "
               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
               std::vector<Value>{d.program_id, d.kind, d.number, d.signed_on, d.signer, d.batch,
                                  d.scenario_id ? Value{*d.scenario_id} : Value{nullptr}, d.reason,
                                  d.total, d.created_by, d.created_at}));
  if (!id) return id;
  d.id = *id;
  std::vector<Value> rows;
  for (const auto& item : d.items) rows.insert(rows.end(), {*id, item.project_id, item.amount});
  if (!rows.empty())
    if (auto s = insert_rows(db, "plan_decision_items", {"decision_id", "project_id", "amount_vnd"},
                             rows);
        !s)
      return std::unexpected(s.error());
  rows.clear();
  for (const auto& t : d.tranches)
    rows.insert(rows.end(), {*id, t.project_id, std::int64_t{t.year}, t.amount});
  if (!rows.empty())
    if (auto s = insert_rows(db, "plan_tranches",
                             {"decision_id", "project_id", "year", "amount_vnd"}, rows);
        !s)
      return std::unexpected(s.error());
  auto items =
      db.query(std::string(kItemFacts) + "WHERE d.id = ? ORDER BY p.code", std::vector<Value>{*id});
  if (!items) return std::unexpected(items.error());
  d.items.clear();
  for (const auto& r : *items) d.items.push_back(item_from(r));
  for (auto& t : d.tranches)
    for (const auto& i : d.items)
      if (i.project_id == t.project_id) t.code = i.code;
  return id;
}

Result<std::vector<Decision>> list_decision_heads(Connection& db, std::int64_t program_id) {
  std::vector<Value> p{program_id};
  auto rows = db.query(
      "SELECT id, program_id, kind, number, signed_on, signer, batch, scenario_id, reason, "
      "total_vnd, created_by, created_at FROM plan_decisions WHERE program_id = ? ORDER BY id",
      p);
  if (!rows) return std::unexpected(rows.error());
  std::vector<Decision> out;
  for (const auto& r : *rows) {
    Decision d;
    d.id = r.i64(0), d.program_id = r.i64(1), d.kind = r.str(2), d.number = r.str(3);
    d.signed_on = r.str(4), d.signer = r.str(5), d.batch = r.i64(6);
    if (!r.is_null(7)) d.scenario_id = r.i64(7);
    d.reason = r.str(8), d.total = r.i64(9), d.created_by = r.i64(10), d.created_at = r.str(11);
    out.push_back(std::move(d));
  }
  return out;
}

Result<std::vector<Decision>> list_decisions(Connection& db, std::int64_t program_id) {
  std::vector<Value> p{program_id};
  auto heads = list_decision_heads(db, program_id);
  if (!heads) return std::unexpected(heads.error());
  std::vector<Decision> out = std::move(*heads);
  std::map<std::int64_t, std::size_t> at;
  for (std::size_t i = 0; i < out.size(); ++i) at[out[i].id] = i;
  auto items = db.query(
      std::string(kItemFacts) + "WHERE d.program_id = ? ORDER BY i.decision_id, p.code", p);
  if (!items) return std::unexpected(items.error());
  for (const auto& r : *items) out[at[r.i64(0)]].items.push_back(item_from(r));
  auto tranches = db.query(
      "SELECT t.decision_id, t.project_id, t.year, t.amount_vnd, p.code FROM plan_tranches t "
      "JOIN plan_decisions d ON d.id = t.decision_id JOIN projects p ON p.id = t.project_id "
      "WHERE d.program_id = ? ORDER BY t.decision_id, p.code, t.year",
      p);
  if (!tranches) return std::unexpected(tranches.error());
  for (const auto& r : *tranches)
    out[at[r.i64(0)]].tranches.push_back(
        {r.i64(1), static_cast<int>(r.i64(2)), r.i64(3), r.str(4)});
  return out;
}

Result<std::vector<DueTranche>> due_tranches(Connection& db, const std::string& level,
                                             const std::string& province, int year) {
  auto rows = db.query(
      "SELECT p.code, SUM(t.amount_vnd) FROM plan_tranches t "
      "JOIN plan_decisions d ON d.id = t.decision_id JOIN programs g ON g.id = d.program_id "
      "JOIN projects p ON p.id = t.project_id WHERE t.year = ? AND g.year < ? AND g.level = ? "
      "AND COALESCE(g.province_code, '') = ? AND p.status IN ('approved', 'contracted', "
      "'in_progress') GROUP BY p.code ORDER BY p.code",
      std::vector<Value>{std::int64_t{year}, std::int64_t{year}, level, province});
  if (!rows) return std::unexpected(rows.error());
  std::vector<DueTranche> out;
  for (const auto& r : *rows) out.push_back({r.str(0), r.i64(1)});
  return out;
}

Result<std::vector<ProjectTranche>> project_tranches(Connection& db, std::int64_t project_id) {
  auto rows = db.query(
      "SELECT t.year, t.amount_vnd, d.number FROM plan_tranches t "
      "JOIN plan_decisions d ON d.id = t.decision_id WHERE t.project_id = ? "
      "ORDER BY t.decision_id, t.year",
      std::vector<Value>{project_id});
  if (!rows) return std::unexpected(rows.error());
  std::vector<ProjectTranche> out;
  for (const auto& r : *rows) out.push_back({static_cast<int>(r.i64(0)), r.i64(1), r.str(2)});
  return out;
}

Result<std::int64_t> decision_program(Connection& db, std::int64_t id) {
  auto program = db.scalar("SELECT COALESCE(MAX(program_id), 0) FROM plan_decisions WHERE id = ?",
                           std::vector<Value>{id});
  if (!program) return std::unexpected(program.error());
  if (*program == 0) return std::unexpected(Error::not_found("no such decision"));
  return *program;
}

Result<bool> decision_number_taken(Connection& db, std::int64_t program_id,
                                   const std::string& number) {
  auto n = db.scalar("SELECT COUNT(*) FROM plan_decisions WHERE program_id = ? AND number = ?",
                     std::vector<Value>{program_id, number});
  if (!n) return std::unexpected(n.error());
  return *n > 0;
}

Result<std::vector<ProjectDecision>> project_decisions(Connection& db, std::int64_t project_id) {
  auto rows = db.query(
      "SELECT d.id, d.kind, d.number, d.signed_on, i.amount_vnd FROM plan_decision_items i "
      "JOIN plan_decisions d ON d.id = i.decision_id WHERE i.project_id = ? ORDER BY d.id",
      std::vector<Value>{project_id});
  if (!rows) return std::unexpected(rows.error());
  std::vector<ProjectDecision> out;
  for (const auto& r : *rows) out.push_back({r.i64(0), r.str(1), r.str(2), r.str(3), r.i64(4)});
  return out;
}

Result<std::vector<DecidedProject>> decision_projects(Connection& db, std::int64_t decision_id) {
  auto rows = db.query(
      "SELECT i.project_id, (SELECT SUM(j.amount_vnd) FROM plan_decision_items j WHERE "
      "j.project_id = i.project_id) FROM plan_decision_items i JOIN projects p ON p.id = "
      "i.project_id WHERE i.decision_id = ? ORDER BY p.code",
      std::vector<Value>{decision_id});
  if (!rows) return std::unexpected(rows.error());
  std::vector<DecidedProject> out;
  for (const auto& r : *rows) out.push_back({r.i64(0), r.i64(1)});
  return out;
}

Result<std::vector<ProjectRequest>> program_requests(Connection& db, std::int64_t program_id) {
  auto rows = db.query(
      "SELECT id, code, requested_vnd, kind FROM projects WHERE program_id = ? ORDER BY code",
      std::vector<Value>{program_id});
  if (!rows) return std::unexpected(rows.error());
  std::vector<ProjectRequest> out;
  for (const auto& r : *rows) out.push_back({r.i64(0), r.str(1), r.i64(2), r.str(3)});
  return out;
}

Result<std::vector<RollupRow>> decided_rollup(Connection& db, int from, int to) {
  auto rows = db.query(
      "SELECT g.year, g.level, x.content_code, pp.region_code, COUNT(*), SUM(a.amount) FROM "
      "(SELECT i.project_id, SUM(i.amount_vnd) AS amount FROM plan_decision_items i "
      "GROUP BY i.project_id) a JOIN projects x ON x.id = a.project_id "
      "JOIN programs g ON g.id = x.program_id "
      "JOIN project_provinces pp ON pp.project_id = x.id AND pp.position = 0 "
      "WHERE g.year BETWEEN ? AND ? AND a.amount <> 0 "
      "GROUP BY g.year, g.level, x.content_code, pp.region_code "
      "ORDER BY g.year, g.level, x.content_code, pp.region_code",
      std::vector<Value>{std::int64_t{from}, std::int64_t{to}});
  if (!rows) return std::unexpected(rows.error());
  std::vector<RollupRow> out;
  for (const auto& r : *rows)
    out.push_back({r.i64(0), r.str(1), r.str(2), r.str(3), r.i64(4), r.i64(5)});
  return out;
}

Result<Books> program_books(Connection& db, std::int64_t program_id) {
  std::vector<Value> p{program_id};
  auto decisions =
      db.scalar("SELECT COALESCE(SUM(total_vnd), 0) FROM plan_decisions WHERE program_id = ?", p);
  if (!decisions) return std::unexpected(decisions.error());
  auto projects = db.scalar(
      "SELECT COALESCE(SUM(i.amount_vnd), 0) FROM plan_decision_items i JOIN projects x ON "
      "x.id = i.project_id WHERE x.program_id = ?",
      p);
  if (!projects) return std::unexpected(projects.error());
  return Books{*decisions, *projects};
}

}  // namespace kc::store

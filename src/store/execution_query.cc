#include "store/execution_query.h"

#include <map>

#include "store/project_rows.h"
#include "store/sql.h"

namespace kc::store {
namespace {

// The project filter with one more clause.
Where with(const ListQuery& q, std::string_view clause) {
  ListQuery plain = q;
  plain.status.clear();
  Where w = project_filter(plain);
  w.add(clause);
  return w;
}

Result<CompletionRow> count_sum(Connection& db, const std::string& select_from, const Where& w) {
  auto rows = db.query(select_from + w.sql, w.params);
  if (!rows) return std::unexpected(rows.error());
  if (rows->empty()) return CompletionRow{};
  return CompletionRow{rows->front().i64(0), rows->front().i64(1)};
}

constexpr const char* kSigned = "c.status IN ('signed', 'in_progress', 'accepted', 'settled')";

}  // namespace

Result<Completion> completion(Connection& db, const ListQuery& q) {
  Completion out;
  const std::string current = current_plan_from(q);
  auto planned =
      count_sum(db, std::string("SELECT COUNT(*), COALESCE(SUM(t.amount), 0) FROM ") + current,
                with(q, "t.amount > 0"));
  if (!planned) return std::unexpected(planned.error());
  out.planned = *planned;
  auto cancelled = count_sum(db, std::string("SELECT COUNT(*), 0 FROM ") + current,
                             with(q, "p.status = 'cancelled'"));
  if (!cancelled) return std::unexpected(cancelled.error());
  out.cancelled = *cancelled;
  const std::string contracts =
      "SELECT COUNT(*), COALESCE(SUM(c.value_vnd), 0) FROM contracts c JOIN projects p ON p.id = "
      "c.project_id";
  auto contracted =
      count_sum(db, contracts, with(q, std::string("c.level = 'implementation' AND ") + kSigned));
  if (!contracted) return std::unexpected(contracted.error());
  out.contracted = *contracted;
  auto settled =
      count_sum(db, contracts, with(q, "c.level = 'implementation' AND c.status = 'settled'"));
  if (!settled) return std::unexpected(settled.error());
  out.settled = *settled;
  auto accepted = count_sum(
      db,
      "SELECT COUNT(*), COALESCE(SUM(x.accepted_vnd), 0) FROM acceptances x JOIN contracts c ON "
      "c.id = x.contract_id JOIN projects p ON p.id = c.project_id",
      with(q, "c.level = 'implementation' AND x.verdict <> 'failed'"));
  if (!accepted) return std::unexpected(accepted.error());
  out.accepted = *accepted;
  auto disbursed = count_sum(
      db,
      "SELECT COUNT(*), COALESCE(SUM(CASE WHEN y.kind = 'recovery' THEN -y.amount_vnd ELSE "
      "y.amount_vnd END), 0) FROM payments y JOIN contracts c ON c.id = y.contract_id JOIN "
      "projects p ON p.id = c.project_id",
      with(q, "c.level = 'implementation'"));
  if (!disbursed) return std::unexpected(disbursed.error());
  out.disbursed = disbursed->amount;
  auto released = released_funds(db, q);
  if (!released) return std::unexpected(released.error());
  for (const auto& f : *released) out.released += f.plan - f.used;

  std::map<std::string, IndicatorTotal> by;
  Where planned_w = with(q, "t.amount > 0");
  auto expected = db.query("SELECT o.indicator_code, SUM(o.quantity) FROM " + current +
                               " JOIN project_outputs o ON o.project_id = p.id" + planned_w.sql +
                               " GROUP BY o.indicator_code",
                           planned_w.params);
  if (!expected) return std::unexpected(expected.error());
  for (const auto& r : *expected) by[r.str(0)].expected = r.i64(1);
  Where acc_w = with(q, "c.level = 'implementation' AND x.verdict <> 'failed'");
  auto actual = db.query(
      "SELECT ao.indicator_code, SUM(ao.actual) FROM acceptance_outputs ao JOIN acceptances x ON "
      "x.id = ao.acceptance_id JOIN contracts c ON c.id = x.contract_id JOIN projects p ON p.id = "
      "c.project_id" +
          acc_w.sql + " GROUP BY ao.indicator_code",
      acc_w.params);
  if (!actual) return std::unexpected(actual.error());
  for (const auto& r : *actual) by[r.str(0)].actual = r.i64(1);
  for (auto& [code, t] : by) {
    t.indicator = code;
    out.outputs.push_back(t);
  }
  return out;
}

Result<std::vector<RunningContract>> running_contracts(Connection& db, const ListQuery& q,
                                                       std::int64_t officer_id) {
  Where w = with(q, "c.level = 'implementation' AND c.status IN ('signed', 'in_progress')");
  if (officer_id) w.add("c.officer_id = ?", {officer_id});
  auto rows = db.query(
      "SELECT c.id, c.project_id, c.number, p.code, p.title, g.code, "
      "(SELECT pp.province_2025 FROM project_provinces pp WHERE pp.project_id = p.id AND "
      "pp.position = 0), c.signed_on, c.start_on, c.end_on, c.status, "
      "(SELECT MAX(r.period_end) FROM progress_reports r WHERE r.contract_id = c.id), c.value_vnd, "
      "(SELECT COALESCE(SUM(CASE WHEN y.kind = 'recovery' THEN -y.amount_vnd ELSE y.amount_vnd "
      "END), 0) FROM payments y WHERE y.contract_id = c.id), "
      "(SELECT COALESCE(MAX(r.progress_pct), -1) FROM progress_reports r WHERE r.contract_id = "
      "c.id), c.officer_id, COALESCE(u.display_name, '') FROM contracts c JOIN projects p ON "
      "p.id = c.project_id JOIN programs g ON g.id = p.program_id LEFT JOIN users u ON u.id = "
      "c.officer_id" +
          w.sql + " ORDER BY c.end_on, p.code",
      w.params);
  if (!rows) return std::unexpected(rows.error());
  std::vector<RunningContract> out;
  for (const auto& r : *rows) {
    RunningContract c;
    c.contract_id = r.i64(0), c.project_id = r.i64(1), c.number = r.str(2);
    c.project_code = r.str(3), c.project_title = r.str(4), c.program = r.str(5);
    c.province_2025 = r.str(6), c.signed_on = r.str(7), c.start_on = r.str(8);
    c.end_on = r.str(9), c.status = r.str(10), c.last_report = r.str(11), c.value = r.i64(12);
    c.net_paid = r.i64(13), c.best_progress = r.i64(14);
    c.officer_id = r.i64(15), c.officer_name = r.str(16);
    out.push_back(std::move(c));
  }
  return out;
}

Result<std::vector<SupportEntry>> support_history(Connection& db, std::int64_t facility_id) {
  auto rows = db.query(
      "SELECT p.year, c.project_id, p.content_code, p.code, p.title, x.accepted_on, "
      "x.accepted_vnd / (SELECT COUNT(*) FROM acceptance_beneficiaries n WHERE n.acceptance_id = "
      "x.id) FROM acceptance_beneficiaries ab JOIN acceptances x ON x.id = ab.acceptance_id JOIN "
      "contracts c ON c.id = x.contract_id JOIN projects p ON p.id = c.project_id WHERE "
      "ab.facility_id = ? AND x.verdict <> 'failed' ORDER BY p.year, p.code",
      std::vector<Value>{facility_id});
  if (!rows) return std::unexpected(rows.error());
  std::vector<SupportEntry> out;
  for (const auto& r : *rows)
    out.push_back(
        {static_cast<int>(r.i64(0)), r.i64(1), r.str(2), r.str(3), r.str(4), r.str(5), r.i64(6)});
  return out;
}

Result<std::vector<ReleasedFunds>> released_funds(Connection& db, const ListQuery& q,
                                                  std::int64_t project_id) {
  Where w =
      with(q, "c.level = 'implementation' AND c.status IN ('terminated', 'accepted', 'settled')");
  if (project_id) w.add("p.id = ?", {project_id});
  auto rows = db.query(
      "SELECT p.id, c.id, p.code, p.title, p.status, c.number, c.status, (SELECT "
      "COALESCE(SUM(i.amount_vnd), 0) FROM plan_decision_items i WHERE i.project_id = p.id), "
      "CASE WHEN c.status = 'terminated' THEN (SELECT COALESCE(SUM(CASE WHEN y.kind = 'recovery' "
      "THEN -y.amount_vnd ELSE y.amount_vnd END), 0) FROM payments y WHERE y.contract_id = c.id) "
      "ELSE (SELECT COALESCE(MAX(x.accepted_vnd), 0) FROM acceptances x WHERE x.contract_id = "
      "c.id AND x.verdict <> 'failed') END FROM contracts c JOIN projects p ON p.id = "
      "c.project_id" +
          w.sql + " ORDER BY p.code, c.id",
      w.params);
  if (!rows) return std::unexpected(rows.error());
  std::vector<ReleasedFunds> out;
  for (const auto& r : *rows) {
    ReleasedFunds f{r.i64(0), r.i64(1), r.str(2), r.str(3), r.str(4),
                    r.str(5), r.str(6), r.i64(7), r.i64(8)};
    if (f.plan > f.used) out.push_back(std::move(f));
  }
  return out;
}

Result<std::vector<ProjectOutputAccepted>> accepted_outputs_of(Connection& db,
                                                               std::int64_t program_id,
                                                               const std::string& indicator) {
  auto rows = db.query(
      "SELECT p.id, o.actual, a.accepted_vnd, p.title, p.start_date, p.end_date, g.name, "
      "pp.province_set, "
      "pp.province_code, pp.region_code FROM projects p "
      "JOIN contracts c ON c.project_id = p.id AND c.level = 'implementation' "
      "JOIN acceptances a ON a.contract_id = c.id "
      "JOIN acceptance_outputs o ON o.acceptance_id = a.id AND o.indicator_code = ? "
      "JOIN project_provinces pp ON pp.project_id = p.id AND pp.position = 0 "
      "JOIN organizations g ON g.id = p.implementing_org_id "
      "WHERE p.program_id = ? AND o.actual > 0 ORDER BY p.code",
      std::vector<Value>{indicator, program_id});
  if (!rows) return std::unexpected(rows.error());
  std::vector<ProjectOutputAccepted> out;
  for (const auto& r : *rows)
    out.push_back({r.i64(0),
                   r.i64(1),
                   r.i64(2),
                   r.str(3),
                   r.str(4),
                   r.str(5),
                   r.str(6),
                   {r.str(7), r.str(8)},
                   r.str(9)});
  return out;
}

}  // namespace kc::store

#include "store/change_repo.h"

#include "store/sql.h"

namespace kc::store {

Result<std::int64_t> insert_change(Connection& db, ContractChange& c) {
  c.created_at = now_utc();
  auto id = returned_id(db.query(
      "INSERT INTO contract_changes (contract_id, kind, reason, decision_number, decision_date, "
      "old_end_on, new_end_on, amount_vnd, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, "
      "?, ?, ?) RETURNING id",
      std::vector<Value>{c.contract_id, c.kind, c.reason, c.decision_number, c.decision_date,
                         c.old_end_on, c.new_end_on, c.amount, c.created_by, c.created_at}));
  if (id) c.id = *id;
  return id;
}

Result<std::vector<ContractChange>> contract_changes(Connection& db, std::int64_t contract_id) {
  auto rows = db.query(
      "SELECT id, contract_id, kind, reason, decision_number, decision_date, old_end_on, "
      "new_end_on, created_by, created_at, amount_vnd FROM contract_changes WHERE contract_id = ? "
      "ORDER BY id",
      std::vector<Value>{contract_id});
  if (!rows) return std::unexpected(rows.error());
  std::vector<ContractChange> out;
  for (const auto& r : *rows)
    out.push_back({r.i64(0), r.i64(1), r.i64(8), r.str(2), r.str(3), r.str(4), r.str(5), r.str(6),
                   r.str(7), r.str(9), r.i64(10)});
  return out;
}

Result<std::int64_t> insert_visit(Connection& db, MonitoringVisit& v) {
  v.created_at = now_utc();
  auto id = returned_id(
      db.query("INSERT INTO monitoring_visits (contract_id, visited_on, findings, actions, due_on, "
               "created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
               std::vector<Value>{v.contract_id, v.visited_on, v.findings, v.actions, v.due_on,
                                  v.created_by, v.created_at}));
  if (id) v.id = *id;
  return id;
}

Result<std::vector<MonitoringVisit>> contract_visits(Connection& db, std::int64_t contract_id) {
  auto rows = db.query(
      "SELECT id, contract_id, created_by, visited_on, findings, actions, due_on, created_at "
      "FROM monitoring_visits WHERE contract_id = ? ORDER BY visited_on, id",
      std::vector<Value>{contract_id});
  if (!rows) return std::unexpected(rows.error());
  std::vector<MonitoringVisit> out;
  for (const auto& r : *rows)
    out.push_back({r.i64(0), r.i64(1), r.i64(2), r.str(3), r.str(4), r.str(5), r.str(6), r.str(7)});
  return out;
}

}  // namespace kc::store

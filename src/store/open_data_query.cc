#include "store/open_data_query.h"

#include "store/sql.h"

namespace kc::store {
Result<std::map<std::int64_t, ProjectResults>> project_results(
    Connection& db, const std::vector<std::int64_t>& ids) {
  std::map<std::int64_t, ProjectResults> out;
  if (ids.empty()) return out;
  const IdSet in = id_set(db, ids);
  auto plans = db.query(
      "SELECT project_id, SUM(amount_vnd) FROM plan_decision_items WHERE "
      "project_id" +
          in.sql + " GROUP BY project_id",
      std::vector<Value>{in.param});
  if (!plans) return std::unexpected(plans.error());
  for (const auto& r : *plans) out[r.i64(0)].plan_vnd = r.i64(1);
  auto contracts = db.query(
      "SELECT c.project_id, c.id, c.number, c.signed_on, c.status, c.value_vnd, "
      "COALESCE((SELECT SUM(CASE WHEN y.kind = 'recovery' THEN -y.amount_vnd ELSE y.amount_vnd "
      "END) FROM payments y WHERE y.contract_id = c.id), 0), x.number, x.accepted_on, x.verdict, "
      "x.accepted_vnd FROM contracts c LEFT JOIN acceptances x ON x.contract_id = c.id WHERE "
      "c.level = 'implementation' AND c.project_id" +
          in.sql + " ORDER BY c.project_id, c.id",
      std::vector<Value>{in.param});
  if (!contracts) return std::unexpected(contracts.error());
  for (const auto& r : *contracts) {
    ContractFacts c{r.str(2), r.str(3), r.str(4), r.i64(5), r.i64(6), std::nullopt};
    if (!r.is_null(7)) c.acceptance = AcceptanceFacts{r.str(7), r.str(8), r.str(9), r.i64(10)};
    out[r.i64(0)].contracts.push_back(std::move(c));
  }
  auto outputs = db.query(
      "SELECT c.project_id, ao.indicator_code, SUM(ao.actual) FROM acceptance_outputs ao JOIN "
      "acceptances x ON x.id = ao.acceptance_id JOIN contracts c ON c.id = x.contract_id WHERE "
      "c.level = 'implementation' AND x.verdict <> 'failed' AND c.project_id" +
          in.sql + " GROUP BY c.project_id, ao.indicator_code",
      std::vector<Value>{in.param});
  if (!outputs) return std::unexpected(outputs.error());
  for (const auto& r : *outputs) out[r.i64(0)].actual[r.str(1)] = r.i64(2);
  return out;
}

}  // namespace kc::store

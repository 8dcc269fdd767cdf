#include "store/sql.h"

#include "store/register_repo.h"

namespace kc::store {

void Where::add(std::string_view clause, std::vector<Value> values) {
  sql += sql.empty() ? " WHERE " : " AND ";
  sql += clause;
  for (auto& v : values) params.push_back(std::move(v));
}

Result<RowPage> fetch_page(Connection& db, std::string_view select, std::string_view from,
                           const Where& w, std::string_view order, const ListQuery& q) {
  std::string tail = std::string(from) + w.sql;
  auto total = db.scalar("SELECT COUNT(*) FROM " + tail, w.params);
  if (!total) return std::unexpected(total.error());
  std::vector<Value> params = w.params;
  params.emplace_back(std::int64_t{q.page_size});
  params.emplace_back(std::int64_t{q.page - 1} * q.page_size);
  auto rows = db.query("SELECT " + std::string(select) + " FROM " + tail + " ORDER BY " +
                           std::string(order) + " LIMIT ? OFFSET ?",
                       params);
  if (!rows) return std::unexpected(rows.error());
  return RowPage{*total, std::move(*rows)};
}

std::string order_by(const ListQuery& q,
                     std::initializer_list<std::pair<const char*, const char*>> allowed,
                     const char* fallback, const char* id_column) {
  std::string col = fallback;
  for (auto [name, expr] : allowed)
    if (q.sort == name) col = expr;
  return col + (q.descending ? " DESC" : " ASC") + ", " + id_column + " ASC";
}

Result<std::int64_t> returned_id(Result<std::vector<Row>> rows) {
  if (!rows) return std::unexpected(rows.error());
  if (rows->empty()) return std::unexpected(Error::internal("insert returned no id"));
  return rows->front().i64(0);
}

Status expect_one(Connection& db, Result<std::int64_t> changed, const char* table,
                  std::int64_t id) {
  if (!changed) return std::unexpected(changed.error());
  if (*changed == 0) return std::unexpected(stale_or_missing(db, table, id));
  return {};
}

}  // namespace kc::store

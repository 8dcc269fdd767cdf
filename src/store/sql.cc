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
  const char* dir = q.descending ? " DESC" : " ASC";
  return col + dir + ", " + id_column + dir;
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

namespace kc::store {

Status insert_rows(Connection& db, std::string_view table,
                   std::initializer_list<const char*> columns, std::span<const Value> values) {
  const std::size_t width = columns.size();
  if (width == 0 || values.size() % width != 0)
    return std::unexpected(Error::internal("insert_rows: values do not fill whole rows"));
  // SQLite binds at most 32,766 parameters, PostgreSQL 65,535; 500 rows keep statements short.
  const std::size_t per_statement = std::min<std::size_t>(500, 30000 / width);
  std::string head = "INSERT INTO " + std::string(table) + " (";
  for (const char* c : columns) head += std::string(c) + ", ";
  head.resize(head.size() - 2);
  head += ") VALUES ";
  std::string tuple = "(";
  for (std::size_t i = 0; i < width; ++i) tuple += i ? ", ?" : "?";
  tuple += ")";
  const std::size_t rows = values.size() / width;
  std::string sql;
  std::size_t sql_rows = 0;
  for (std::size_t first = 0; first < rows; first += per_statement) {
    std::size_t n = std::min(per_statement, rows - first);
    if (n != sql_rows) {
      sql = head;
      for (std::size_t i = 0; i < n; ++i) (sql += i ? ", " : "") += tuple;
      sql_rows = n;
    }
    if (auto r = db.exec(sql, values.subspan(first * width, n * width)); !r)
      return std::unexpected(r.error());
  }
  return {};
}

Result<std::vector<std::int64_t>> allocate_ids(Connection& db, const char* table, std::size_t n) {
  std::vector<std::int64_t> ids;
  ids.reserve(n);
  if (n == 0) return ids;
  if (db.dialect() == "postgresql") {
    auto rows = db.query(std::string("SELECT nextval(pg_get_serial_sequence('") + table +
                             "', 'id')) FROM generate_series(1, ?)",
                         std::vector<Value>{static_cast<std::int64_t>(n)});
    if (!rows) return std::unexpected(rows.error());
    for (const auto& r : *rows) ids.push_back(r.i64(0));
    return ids;
  }
  auto last = db.scalar(std::string("SELECT COALESCE(MAX(id), 0) FROM ") + table, {});
  if (!last) return std::unexpected(last.error());
  for (std::size_t i = 1; i <= n; ++i) ids.push_back(*last + static_cast<std::int64_t>(i));
  return ids;
}

IdSet id_set(const Connection& db, std::span<const std::int64_t> ids) {
  // SQLite reads a JSON array with json_each; PostgreSQL takes an array literal.
  bool pg = db.dialect() == "postgresql";
  std::string list = pg ? "{" : "[";
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (i) list += ',';
    list += std::to_string(ids[i]);
  }
  list += pg ? "}" : "]";
  return {pg ? " = ANY(CAST(? AS bigint[]))" : " IN (SELECT value FROM json_each(?))",
          std::move(list)};
}

}  // namespace kc::store

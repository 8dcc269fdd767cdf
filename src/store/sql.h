#pragma once
// The helpers every repository uses: WHERE clauses with bound parameters, "one row or not
// found", a page of rows with its total, and bulk inserts. Values are always bound, never spliced.
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/list_query.h"
#include "store/db.h"

namespace kc::store {

struct Where {
  std::string sql;  // "" or " WHERE a AND b ..."
  std::vector<Value> params;
  // Appends "AND clause"; `values` bind the clause's `?` in order.
  void add(std::string_view clause, std::vector<Value> values = {});
};

// A set of ids as one bound parameter: `sql` follows a column (`p.id` + sql) and tests
// membership; `param` holds the ids. The statement's text is the same for any ids, so it is
// parsed once per connection (SQLite's statement cache, PostgreSQL's prepared statements)
// where an inlined list of 2,000 ids was parsed anew for every batch of an export.
struct IdSet {
  std::string sql;
  Value param;
};
IdSet id_set(const Connection& db, std::span<const std::int64_t> ids);

// The first row of `sql`, mapped by `from`; not_found("<what> not found") when there is none.
template <class T, class F>
Result<T> one_row(Connection& db, const std::string& sql, std::vector<Value> params,
                  std::string_view what, F&& from) {
  auto rows = db.query(sql, params);
  if (!rows) return std::unexpected(rows.error());
  if (rows->empty()) return std::unexpected(Error::not_found(std::string(what) + " not found"));
  return from(rows->front());
}

// One page: the total of `FROM from where` and the rows of
// `SELECT select FROM from where ORDER BY order LIMIT page_size OFFSET ...`.
struct RowPage {
  std::int64_t total = 0;
  std::vector<Row> rows;
  bool total_is_estimate = false;  // see store/text_search.h
};
Result<RowPage> fetch_page(Connection& db, std::string_view select, std::string_view from,
                           const Where& w, std::string_view order, const ListQuery& q);

// "col ASC, id ASC" or "col DESC, id DESC" for an allowed sort key (ties follow the same
// direction, so that one index on (col, id) serves both); `fallback` when q.sort is not allowed.
// `allowed` maps API names to SQL expressions.
std::string order_by(const ListQuery& q,
                     std::initializer_list<std::pair<const char*, const char*>> allowed,
                     const char* fallback, const char* id_column = "id");

// The id from `INSERT ... RETURNING id`.
Result<std::int64_t> returned_id(Result<std::vector<Row>> rows);
// Success when exactly one row changed; else stale (conflict) or missing (not_found).
Status expect_one(Connection& db, Result<std::int64_t> changed, const char* table, std::int64_t id);

// Inserts many rows with multi-row `INSERT INTO table (columns) VALUES (...), (...)`
// statements, as many rows per statement as the bound-parameter limits of both databases
// allow. `values` holds the rows one after another, columns.size() values each.
Status insert_rows(Connection& db, std::string_view table,
                   std::initializer_list<const char*> columns, std::span<const Value> values);

// `n` fresh ids for `table` inside the caller's write transaction: from the identity sequence
// on PostgreSQL, after the largest id on SQLite (the write lock keeps them free).
Result<std::vector<std::int64_t>> allocate_ids(Connection& db, const char* table, std::size_t n);

}  // namespace kc::store

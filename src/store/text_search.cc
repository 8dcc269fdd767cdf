#include "store/text_search.h"

#include <cmath>

#include "domain/text.h"

namespace kc::store {
namespace {

// The FTS5 query: each long word as a quoted string (a substring, in the trigram tokenizer),
// all of them required.
std::string match_expression(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) {
    if (w.size() < 3) continue;
    out += out.empty() ? "\"" : " \"";
    for (char c : w) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    out += '"';
  }
  return out;
}

// The ids of the first `limit` matches in id order: on SQLite the trigram index drives the
// loop (CROSS JOIN keeps it outside) and stops at the limit.
Result<std::vector<Row>> probe(Connection& db, std::string_view table, const Where& w,
                               const std::string& match, std::int64_t limit) {
  std::vector<Value> params = w.params;
  params.emplace_back(limit);
  const std::string t(table);
  if (db.dialect() == "sqlite") {
    params.insert(params.begin(), match);
    std::string where = w.sql.empty() ? "" : " AND" + w.sql.substr(std::string(" WHERE").size());
    return db.query("SELECT " + t + ".id FROM " + t + "_search CROSS JOIN " + t + " ON " + t +
                        ".id = " + t + "_search.rowid WHERE " + t + "_search MATCH ?" + where +
                        " LIMIT ?",
                    params);
  }
  return db.query("SELECT id FROM " + t + w.sql + " ORDER BY id LIMIT ?", params);
}

}  // namespace

std::vector<std::string> search_words(const std::string& query) {
  std::vector<std::string> out;
  std::string word;
  for (char c : fold_for_search(query) + " ") {
    if (c != ' ') {
      word += c;
    } else if (!word.empty()) {
      out.push_back(std::move(word));
      word.clear();
    }
  }
  return out;
}

Result<RowPage> search_page(Connection& db, std::string_view select, std::string_view table,
                            const Where& w, std::string_view order, const ListQuery& q,
                            const std::vector<std::string>& words, std::int64_t exact_total) {
  const std::string match = match_expression(words);
  if (match.empty()) return fetch_page(db, select, table, w, order, q);
  const std::int64_t offset = std::int64_t{q.page - 1} * q.page_size;
  auto ids = probe(db, table, w, match, std::max(exact_total + 1, offset + q.page_size));
  if (!ids) return std::unexpected(ids.error());
  const auto found = static_cast<std::int64_t>(ids->size());
  const std::string head = "SELECT " + std::string(select) + " FROM " + std::string(table);
  auto id_list = [&](std::int64_t from, std::int64_t to) {
    std::vector<std::int64_t> list;
    for (auto i = from; i < std::min(to, found); ++i) list.push_back((*ids)[i].i64(0));
    return list;
  };
  if (found <= exact_total) {
    // Few matches: the page is sorted from their ids alone.
    auto list = id_list(0, found);
    if (list.empty()) return RowPage{0, {}};
    std::vector<Value> limits{std::int64_t{q.page_size}, offset};
    auto rows = db.query(head + " WHERE id IN (" + integer_list(list) + ") ORDER BY " +
                             std::string(order) + " LIMIT ? OFFSET ?",
                         limits);
    if (!rows) return std::unexpected(rows.error());
    return RowPage{found, std::move(*rows)};
  }
  // Many: sorting them all would read every match, so the page comes in the register's order
  // and the total is extrapolated from where the first exact_total + 1 matches end.
  auto last = db.scalar("SELECT MAX(id) FROM " + std::string(table), {});
  if (!last) return std::unexpected(last.error());
  const auto reached = static_cast<double>((*ids)[exact_total].i64(0));
  const auto estimate = static_cast<std::int64_t>(
      std::llround(static_cast<double>(exact_total + 1) * static_cast<double>(*last) / reached));
  auto list = id_list(offset, offset + q.page_size);
  if (list.empty()) return RowPage{std::max(estimate, found), {}, true};
  auto rows = db.query(
      head + " WHERE id IN (" + integer_list(list) + ") ORDER BY " + std::string(table) + ".id",
      {});
  if (!rows) return std::unexpected(rows.error());
  return RowPage{std::max(estimate, found), std::move(*rows), true};
}

}  // namespace kc::store

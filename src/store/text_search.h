#pragma once
// Search over a large register (a million facilities) with a page of results and its total
// in a few milliseconds. Words of three letters or more are looked up in a trigram index
// (SQLite: the FTS5 table `<table>_search`; PostgreSQL: pg_trgm's index, which the planner
// uses for LIKE); every word is still checked with LIKE, so the index only narrows. The
// total is exact up to kExactTotal rows; past it the answer says total_is_estimate and the
// total is extrapolated from where the first kExactTotal + 1 matches end (rows are spread
// evenly over the ids), and the page comes in the register's order (by id) instead of the
// asked order: sorting a quarter of a million matches would read them all, and a search that
// wide is one to narrow, not to page through.
#include <string_view>

#include "store/sql.h"

namespace kc::store {

inline constexpr std::int64_t kExactTotal = 10000;

// The folded words of a search query ("Chế biến gỗ" -> "che", "bien", "go").
std::vector<std::string> search_words(const std::string& query);

// A page of `select` from `table` rows matching `w` (which holds the search's LIKE patterns,
// written `<table>.search_text LIKE ?`), ordered by `order`. `words` are q.q's folded words.
// Without a word of three letters or more it is fetch_page. `exact_total` is kExactTotal but
// in tests.
Result<RowPage> search_page(Connection& db, std::string_view select, std::string_view table,
                            const Where& w, std::string_view order, const ListQuery& q,
                            const std::vector<std::string>& words,
                            std::int64_t exact_total = kExactTotal);

}  // namespace kc::store

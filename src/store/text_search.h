#pragma once
// Search over a large register (a million facilities) with a page of results and its total
// in a few milliseconds, through two indexes beside the table:
// - On SQLite, a word index (`<table>_words`, FTS5 over the folded text's words, and
//   `<table>_vocab`, its words with the number of rows holding each; migration 027). A search
//   word of letters is found in the vocabulary: the words that contain it ("anh": "anh",
//   "thanh", "khanh", ...), looked up as their OR, give exactly the rows whose text contains
//   it. The search reads the lists of its rarest words and checks the others with LIKE on the
//   rows, whichever reads less (the vocabulary's counts say how long each list is); when every
//   word goes through the index and there is no other filter, no row is read but the page's.
//   Otherwise each match's row is read once: one statement keeps the matches' columns, counts
//   them and sorts the page from them.
// - A trigram index (SQLite: the FTS5 table `<table>_search`; PostgreSQL: pg_trgm's index,
//   which the planner uses for LIKE) for the other searches: digits, punctuation, or a fragment
//   found in too many words; every word is then checked with LIKE, so the index only narrows.
// The total is exact up to kExactTotal rows; past it the answer says total_is_estimate and the
// total is extrapolated from where the first kExactTotal + 1 matches end (rows are spread
// evenly over the ids), and the page comes in the register's order (by id) instead of the
// asked order: sorting a quarter of a million matches would read them all, and a search that
// wide is one to narrow, not to page through. On PostgreSQL a sample of the table's pages
// first tells a search that wide apart (TABLESAMPLE SYSTEM, about 50 matches expected at the
// limit): its total is then the sample's estimate, and the page is read by walking the
// primary key, without reading the first kExactTotal + 1 matches.
#include <string_view>

#include "store/sql.h"

namespace kc::store {

inline constexpr std::int64_t kExactTotal = 10000;

// The folded words of a search query ("Chế biến gỗ" -> "che", "bien", "go").
std::vector<std::string> search_words(const std::string& query);

// "%word%" with LIKE's wildcards escaped (use with ESCAPE '\').
std::string like_pattern(const std::string& word);

// A page of `select` from `table` rows matching `filters` and containing each of `words` (q.q's
// folded words) in their search text, ordered by `order`. Without a word it is fetch_page.
// `exact_total` is kExactTotal but in tests.
Result<RowPage> search_page(Connection& db, std::string_view select, std::string_view table,
                            const Where& filters, std::string_view order, const ListQuery& q,
                            const std::vector<std::string>& words,
                            std::int64_t exact_total = kExactTotal);

}  // namespace kc::store

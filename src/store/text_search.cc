#include "store/text_search.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

#include "domain/text.h"

namespace kc::store {
namespace {

// A word found inside more of the vocabulary's words than this is checked on the rows instead:
// the OR of that many lists reads most of the index.
constexpr std::size_t kMaxSpellings = 32;
// What a search weighs when it picks the words it looks up in the index: reading one entry of
// a word's list, and reading one row and checking its words with LIKE (measured at a million
// facilities: about 30 ns and 2 µs).
constexpr double kEntryCost = 1, kRowCost = 60;
// The rows of a search's rarest word read to see how often its other words come with it.
constexpr std::int64_t kSample = 200;

// An FTS5 string: a word, or a phrase of the words its punctuation separates.
std::string fts_string(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

// The trigram index's query: each long word as a string (a substring, in the trigram
// tokenizer), all of them required.
std::string trigram_match(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words)
    if (w.size() >= 3) {
      if (!out.empty()) out += ' ';
      out += fts_string(w);
    }
  return out;
}

bool letters_only(std::string_view w) {
  return std::all_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// One word of the index: letters and digits only (a word with other characters, as the
// vocabulary splits them, may be several words to the index's tokenizer).
bool one_token(std::string_view w) {
  return std::all_of(w.begin(), w.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); });
}

// " FROM <index> CROSS JOIN <t> ON ... WHERE <index> MATCH ?": the index drives the loop (CROSS
// JOIN keeps it outside), in id order, and the rows are read by id.
std::string index_join(const std::string& t, const std::string& index) {
  return " FROM " + index + " CROSS JOIN " + t + " ON " + t + ".id = " + index + ".rowid WHERE " +
         index + " MATCH ?";
}

// `filters` and a LIKE on the search text for each of `words`.
Where with_checks(const Where& filters, const std::string& t,
                  const std::vector<std::string>& words) {
  Where w = filters;
  for (const auto& word : words) w.add(t + ".search_text LIKE ? ESCAPE '\\'", {like_pattern(word)});
  return w;
}

// How a search finds its rows.
struct Plan {
  bool nothing = false;    // a word is in no row
  std::string word_match;  // the query over `<table>_words`; "": through the trigram index
  std::vector<std::string> checked;  // the words checked with LIKE on each row
};

// A word of letters as the vocabulary spells it: the OR of the words containing it.
struct Spellings {
  std::string word, match;
  std::size_t count = 0;
  std::int64_t rows = 0;  // the rows holding any of them: at least the word's matches
  bool indexed = true;    // every one of them is one word of the index, and not too many
};

// The vocabulary's words containing each of `letters`, in one scan of it.
Result<std::vector<Spellings>> spell(Connection& db, const std::string& t,
                                     const std::vector<std::string>& letters) {
  std::string sql = "SELECT word, n FROM " + t + "_vocab WHERE n > 0 AND (";
  std::vector<Value> params;
  std::vector<Spellings> out;
  for (const auto& w : letters) {
    sql += params.empty() ? "word LIKE ?" : " OR word LIKE ?";
    params.emplace_back("%" + w + "%");
    Spellings s;
    s.word = w;
    out.push_back(std::move(s));
  }
  auto rows = db.query(sql + ")", params);
  if (!rows) return std::unexpected(rows.error());
  for (const auto& r : *rows) {
    const std::string word = r.str(0);
    for (auto& s : out) {
      if (word.find(s.word) == std::string::npos) continue;
      s.rows += r.i64(1);
      s.indexed = s.indexed && one_token(word) && ++s.count <= kMaxSpellings;
      if (s.indexed) s.match += (s.match.empty() ? "" : " OR ") + fts_string(word);
    }
  }
  return out;
}

// For each k, the share of the rarest word's rows that also hold the next k - 1 words (in the
// order of `words`), from a sample of its first kSample rows: the words of a name come
// together ("nuoc mam", "co so nghe nhan"), so their shares cannot be multiplied.
Result<std::vector<double>> sample_shares(Connection& db, const std::string& t,
                                          const std::vector<const Spellings*>& words) {
  std::vector<double> shares(words.size(), 1.0);
  if (words.size() < 2) return shares;
  auto rows = db.query("SELECT " + t + ".search_text" + index_join(t, t + "_words") + " LIMIT ?",
                       std::vector<Value>{words[0]->match, std::int64_t{kSample}});
  if (!rows) return std::unexpected(rows.error());
  if (rows->empty()) return shares;
  std::vector<std::int64_t> holding(words.size(), 0);
  for (const auto& r : *rows) {
    const std::string text = r.str(0);
    for (std::size_t k = 0; k < words.size() && text.find(words[k]->word) != std::string::npos; ++k)
      ++holding[k];
  }
  const auto n = static_cast<double>(rows->size());
  for (std::size_t k = 1; k < words.size(); ++k)
    shares[k] = std::max(static_cast<double>(holding[k]), 0.5) / n;
  return shares;
}

// On SQLite, the words of letters go through the word index, rarest first, as long as reading
// one more word's lists costs less than the rows it saves reading; the rest are checked with
// LIKE. Elsewhere, or without a word of letters, every word is checked (trigram path).
Result<Plan> plan_search(Connection& db, const std::string& t,
                         const std::vector<std::string>& words, bool filtered) {
  Plan plan;
  std::vector<std::string> letters;
  for (const auto& w : words) {
    if (db.dialect() == "sqlite" && letters_only(w)) {
      if (std::find(letters.begin(), letters.end(), w) == letters.end()) letters.push_back(w);
    } else {
      plan.checked.push_back(w);
    }
  }
  if (letters.empty()) return plan;
  auto spelled = spell(db, t, letters);
  if (!spelled) return std::unexpected(spelled.error());
  std::vector<const Spellings*> usable;
  for (const auto& s : *spelled) {
    if (s.rows == 0) {
      Plan none;
      none.nothing = true;
      return none;
    }
    if (!s.indexed)
      plan.checked.push_back(s.word);
    else
      usable.push_back(&s);
  }
  if (usable.empty()) {
    plan.checked = words;
    return plan;
  }
  std::sort(usable.begin(), usable.end(), [](auto* a, auto* b) { return a->rows < b->rows; });
  auto shares = sample_shares(db, t, usable);
  if (!shares) return std::unexpected(shares.error());
  double list = 0, best = std::numeric_limits<double>::infinity();
  std::size_t chosen = 0;
  for (std::size_t k = 1; k <= usable.size(); ++k) {
    list += static_cast<double>(usable[k - 1]->rows);
    const double candidates = static_cast<double>(usable[0]->rows) * (*shares)[k - 1];
    const bool reads_rows = filtered || !plan.checked.empty() || k < usable.size();
    const double cost = list * kEntryCost + (reads_rows ? candidates * kRowCost : 0);
    if (cost < best) best = cost, chosen = k;
  }
  for (std::size_t i = 0; i < usable.size(); ++i) {
    if (i >= chosen) {
      plan.checked.push_back(usable[i]->word);
      continue;
    }
    plan.word_match += (i ? " AND (" : "(") + usable[i]->match + ")";
  }
  return plan;
}

// The total of a search that found `found` matches (at most exact_total + 1), the
// (exact_total + 1)-th in id order being `reached`: exact up to exact_total, extrapolated past it.
Result<RowPage> with_total(Connection& db, const std::string& t, std::int64_t found,
                           std::int64_t reached, std::int64_t exact_total, std::vector<Row> rows) {
  if (found <= exact_total) return RowPage{found, std::move(rows)};
  auto last = db.scalar("SELECT MAX(id) FROM " + t, {});
  if (!last) return std::unexpected(last.error());
  const auto estimate = static_cast<std::int64_t>(
      std::llround(static_cast<double>(exact_total + 1) * static_cast<double>(*last) /
                   static_cast<double>(reached)));
  return RowPage{std::max(estimate, found), std::move(rows), true};
}

// When every word goes through the word index and nothing else is checked, no row is read to
// find the matches: the index gives their first `cap` ids, and only the page's rows are read.
Result<RowPage> page_from_index(Connection& db, std::string_view select, const std::string& t,
                                std::string_view order, const ListQuery& q, const Plan& plan,
                                std::int64_t exact_total, std::int64_t cap) {
  const std::string index = t + "_words";
  auto ids =
      db.query("SELECT rowid FROM " + index + " WHERE " + index + " MATCH ? ORDER BY rowid LIMIT ?",
               std::vector<Value>{plan.word_match, cap});
  if (!ids) return std::unexpected(ids.error());
  const auto found = static_cast<std::int64_t>(ids->size());
  const std::int64_t offset = std::int64_t{q.page - 1} * q.page_size;
  // Few matches: the page is sorted from their ids alone; many: it comes in id order.
  const bool sorted = found <= exact_total;
  std::vector<std::int64_t> list;
  for (auto i = sorted ? 0 : offset; i < std::min(sorted ? found : offset + q.page_size, found);
       ++i)
    list.push_back((*ids)[i].i64(0));
  const std::int64_t reached = sorted ? 0 : (*ids)[exact_total].i64(0);
  if (list.empty()) return with_total(db, t, found, reached, exact_total, {});
  const IdSet in = id_set(db, list);
  std::vector<Value> params{in.param, std::int64_t{q.page_size}, sorted ? offset : 0};
  auto rows =
      db.query("SELECT " + std::string(select) + " FROM " + t + " WHERE id" + in.sql +
                   " ORDER BY " + (sorted ? std::string(order) : t + ".id") + " LIMIT ? OFFSET ?",
               params);
  if (!rows) return std::unexpected(rows.error());
  return with_total(db, t, found, reached, exact_total, std::move(*rows));
}

// Otherwise the matches' rows are read once: the first `cap` in id order are kept (`m`), with
// the columns of `select`, and the page is sorted from them, or taken in id order when there
// are more than exact_total. Each row of the answer ends with the count and the
// (exact_total + 1)-th id.
Result<RowPage> page_from_rows(Connection& db, std::string_view select, const std::string& t,
                               const Where& w, std::string_view order, const ListQuery& q,
                               const Plan& plan, std::int64_t exact_total, std::int64_t cap) {
  std::string matches = "SELECT " + std::string(select);
  std::vector<Value> params;
  if (db.dialect() == "sqlite") {
    const bool words = !plan.word_match.empty();
    matches += index_join(t, t + (words ? "_words" : "_search"));
    if (!w.sql.empty()) matches += " AND" + w.sql.substr(std::string(" WHERE").size());
    params.emplace_back(words ? plan.word_match : trigram_match(plan.checked));
  } else {
    matches += " FROM " + t + w.sql + " ORDER BY id";
  }
  params.insert(params.end(), w.params.begin(), w.params.end());
  const std::int64_t offset = std::int64_t{q.page - 1} * q.page_size;
  for (std::int64_t v : {cap, exact_total, exact_total, std::int64_t{q.page_size}, offset})
    params.emplace_back(v);
  auto rows = db.query(
      std::string(kPlanEachRun) + "WITH m AS MATERIALIZED (" + matches +
          " LIMIT ?), n AS (SELECT COUNT(*) AS found, (SELECT id FROM m ORDER BY id LIMIT 1 "
          "OFFSET ?) AS reached FROM m) SELECT m.*, n.found, n.reached FROM m CROSS JOIN n "
          "ORDER BY CASE WHEN n.found > ? THEN m.id END, " +
          std::string(order) + " LIMIT ? OFFSET ?",
      params);
  if (!rows) return std::unexpected(rows.error());
  if (rows->empty()) {
    if (offset == 0) return RowPage{0, {}};
    // A page past the last: only the count.
    ListQuery first = q;
    first.page = 1;
    auto counted = page_from_rows(db, select, t, w, order, first, plan, exact_total, cap);
    if (!counted) return counted;
    counted->rows.clear();
    return counted;
  }
  const Row& head = rows->front();
  return with_total(db, t, head.i64(head.size() - 2), head.i64(head.size() - 1), exact_total,
                    std::move(*rows));
}

// On PostgreSQL a search that matches far more than exact_total rows would read its first
// exact_total + 1 matches only to say "about N". A sample of the table's pages tells such a
// search apart first: kSampleHits / exact_total of the pages (REPEATABLE, so that the same
// table gives the same total from page to page), where a search of exactly exact_total
// matches would have kSampleHits of them. When even the sample's lower bound (three standard
// deviations under its count) is past exact_total, the total is the sample's estimate and
// the page is read in the register's order, by walking the primary key: the matches are
// dense enough that it reads a few thousand rows at most. An empty result: not wide.
constexpr double kSampleHits = 50;

Result<std::optional<RowPage>> wide_page(Connection& db, std::string_view select,
                                         const std::string& t, const Where& w, const ListQuery& q,
                                         std::int64_t exact_total) {
  auto last = db.scalar("SELECT COALESCE(MAX(id), 0) FROM " + t, {});
  if (!last) return std::unexpected(last.error());
  if (*last <= exact_total) return std::optional<RowPage>{};
  const double percent = std::min(100.0, 100.0 * kSampleHits / static_cast<double>(exact_total));
  std::vector<Value> sample_params{std::to_string(percent)};
  sample_params.insert(sample_params.end(), w.params.begin(), w.params.end());
  auto sampled = db.query(std::string(kPlanEachRun) + "SELECT COUNT(*) FROM " + t +
                              " TABLESAMPLE SYSTEM (CAST(? AS real)) REPEATABLE (1)" + w.sql,
                          sample_params);
  if (!sampled) return std::unexpected(sampled.error());
  const auto hits = static_cast<double>(sampled->front().i64(0));
  const double scale = 100.0 / percent;
  if ((hits - 3 * std::sqrt(hits)) * scale <= static_cast<double>(exact_total))
    return std::optional<RowPage>{};
  const std::int64_t offset = std::int64_t{q.page - 1} * q.page_size;
  std::vector<Value> params = w.params;
  params.emplace_back(std::int64_t{q.page_size});
  params.emplace_back(offset);
  auto rows = db.query(std::string(kPlanEachRun) + "SELECT " + std::string(select) + " FROM " + t +
                           w.sql + " ORDER BY " + t + ".id LIMIT ? OFFSET ?",
                       params);
  if (!rows) return std::unexpected(rows.error());
  // A short page is the last: the total is then known (under the offset, for a page past it).
  const auto seen = offset + static_cast<std::int64_t>(rows->size());
  std::int64_t total = std::max(static_cast<std::int64_t>(std::llround(hits * scale)), seen);
  const bool exact = !rows->empty() && static_cast<std::int64_t>(rows->size()) < q.page_size;
  if (exact) total = seen;
  if (rows->empty()) total = std::min(total, offset);
  return std::optional<RowPage>{RowPage{total, std::move(*rows), !exact}};
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

std::string like_pattern(const std::string& word) {
  std::string pattern = "%";
  for (char c : word) {
    if (c == '%' || c == '_' || c == '\\') pattern += '\\';
    pattern += c;
  }
  return pattern + "%";
}

Result<RowPage> search_page(Connection& db, std::string_view select, std::string_view table,
                            const Where& filters, std::string_view order, const ListQuery& q,
                            const std::vector<std::string>& words, std::int64_t exact_total) {
  const std::string t(table);
  auto plan = plan_search(db, t, words, !filters.sql.empty());
  if (!plan) return std::unexpected(plan.error());
  if (plan->nothing) return RowPage{0, {}};
  // No index helps (only short words): the plain search.
  if (plan->word_match.empty() && trigram_match(plan->checked).empty())
    return fetch_page(db, select, table, with_checks(filters, t, plan->checked), order, q);
  const std::int64_t cap =
      std::max(exact_total + 1, std::int64_t{q.page - 1} * q.page_size + q.page_size);
  const Where w = with_checks(filters, t, plan->checked);
  if (db.dialect() == "sqlite" && !plan->word_match.empty() && w.sql.empty())
    return page_from_index(db, select, t, order, q, *plan, exact_total, cap);
  if (db.dialect() != "sqlite") {
    auto wide = wide_page(db, select, t, w, q, exact_total);
    if (!wide) return std::unexpected(wide.error());
    if (*wide) return std::move(**wide);
  }
  return page_from_rows(db, select, t, w, order, q, *plan, exact_total, cap);
}

}  // namespace kc::store

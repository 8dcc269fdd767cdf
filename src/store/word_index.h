#pragma once
// The facilities' search held in memory: which facilities hold each word of their folded search
// text, and what a list filters and sorts them on. A search word is a substring of a record's
// text exactly when it is a substring of one of the text's words (the query's words hold no
// space), so the words of the vocabulary containing it, found by one scan of the vocabulary's
// text, give through their lists exactly the records a `LIKE '%word%'` would: the same answers
// as the search in SQL (store/text_search.h; tests/unit/word_index_test.cc compares them), with
// an exact total, in about a millisecond at a million facilities.
//
// Only the words with a letter are kept: tax codes and house numbers are most of the distinct
// words and no word typed with a letter is found in them. A query word without a letter is left
// to the SQL search (search() says nullopt).
//
// A record is a slot, appended: a change of a record kills its slot (a bitmap) and appends a new
// one, so the lists stay sorted and are only appended to. When a quarter of the slots are dead
// the slots are renumbered and the lists rewritten (compact()). The order of the names is ranked
// once for all slots (rank(): after a build and a compaction), so that sorting a search's
// matches compares integers; slots appended since then compare their names.
//
// Not thread-safe: store::FacilityIndex guards one.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "domain/list_query.h"

namespace kc::store {

// A facility as the index keeps it: what a search matches, filters and sorts on.
struct IndexedFacility {
  std::int64_t id = 0;
  std::string name, kind, province_set, province_code, province_2025, region_code;
  std::int64_t employees = 0;
  std::string search_text;  // folded (fold_for_search)
};

// The ids of a search's page, in the asked order, and the number of matches.
struct IndexPage {
  std::vector<std::int64_t> ids;
  std::int64_t total = 0;
};

class WordIndex {
 public:
  void put(const IndexedFacility& f);  // adds it, or replaces the record of its id
  void remove(std::int64_t id);
  // The page of q's filters (ListQuery's register filters: scope, province, region, kind, id) and
  // `words` (search_words(q.q)), sorted by q.sort (name, kind or employees, then id);
  // nullopt when a word has no letter.
  std::optional<IndexPage> search(const ListQuery& q, const std::vector<std::string>& words) const;
  // Renumbers the slots when a quarter of them are dead (then ranks the names), or ranks the
  // names again when an eighth of the slots were added since they were ranked.
  void tidy();
  void rank();
  std::size_t size() const { return slots_.size() - dead_count_; }
  // The memory its tables hold, in bytes (approximately: the vectors' capacities).
  std::size_t bytes() const;

 private:
  static constexpr std::uint32_t kNoRank = UINT32_MAX;
  struct Slot {
    std::int64_t id = 0;
    std::uint64_t name_at = 0;
    std::uint32_t name_len = 0;
    std::uint32_t rank = kNoRank;  // the name's place among the ranked slots
    std::int64_t employees = 0;
    // Interned values (values_); 0 is none.
    std::uint32_t kind = 0, province_2025 = 0, province_2008 = 0, region = 0;
  };
  // A search's filters as values of the index.
  struct Filter {
    std::optional<std::uint32_t> scope, kind, region, province;
    std::optional<std::int64_t> id;
    bool by_2008 = false;
    bool none = false;  // a value the index never saw: nothing matches
    bool any() const { return scope || kind || region || province || id; }
    bool keeps(const Slot& s) const;
  };
  Filter filter_of(const ListQuery& q) const;
  // Whether slot x comes before slot y in ascending order of `sort` (then of the id).
  bool before(const std::string& sort, std::uint32_t x, std::uint32_t y) const;
  // The first `count` slots of `acc` that `filter` keeps, in the names' order (`order`).
  template <class Order>
  std::vector<std::uint32_t> walk_names(const std::vector<std::uint64_t>& acc, const Filter& filter,
                                        std::size_t count, bool descending, Order order) const;
  std::uint32_t intern(const std::string& v);
  std::uint32_t value_id(const std::string& v) const;  // 0 when never seen
  std::string_view name(const Slot& s) const { return {names_.data() + s.name_at, s.name_len}; }
  bool dead(std::uint32_t slot) const { return (dead_[slot / 64] >> (slot % 64)) & 1; }
  void kill(std::uint32_t slot);
  std::uint32_t* slot_of(std::int64_t id);
  void set_slot_of(std::int64_t id, std::uint32_t slot_plus_one);
  // The vocabulary's words containing `word`.
  std::vector<std::uint32_t> spellings(std::string_view word) const;

  std::vector<Slot> slots_;
  std::vector<std::uint32_t> by_rank_;  // the ranked slots in the names' order
  std::size_t ranked_end_ = 0;          // the slots from here on were added since the ranking
  std::vector<std::uint64_t> dead_;     // a bit per slot
  std::size_t dead_count_ = 0;
  std::string names_;
  // id -> slot + 1 (0: none): a table for the ids a sequence gives, a map past it.
  std::vector<std::uint32_t> dense_;
  std::unordered_map<std::int64_t, std::uint32_t> sparse_;
  // The vocabulary: each word followed by '\n' in vocab_, where it starts, its slots' list.
  std::string vocab_;
  std::vector<std::uint64_t> vocab_at_;
  std::unordered_map<std::string, std::uint32_t> word_ids_;
  std::vector<std::vector<std::uint32_t>> lists_;
  std::vector<std::string> values_{""};
  std::unordered_map<std::string, std::uint32_t> value_ids_;
};

}  // namespace kc::store

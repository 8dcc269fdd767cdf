#include "store/word_index.h"

#include <algorithm>
#include <bit>
#include <iterator>

namespace kc::store {
namespace {

// Ids below this are kept in a table (4 bytes each), the others in a map.
constexpr std::int64_t kDenseIds = std::int64_t{1} << 26;
// Below this many dead slots a compaction is not worth its pause.
constexpr std::size_t kMinDeadToCompact = 4096;

bool has_letter(std::string_view w) {
  return std::any_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// Calls f(word) for each distinct word of a folded text that holds a letter.
template <class F>
void each_word(std::string_view text, F&& f) {
  std::vector<std::string_view> seen;
  while (!text.empty()) {
    auto end = text.find(' ');
    std::string_view w = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
    if (w.empty() || !has_letter(w) || std::find(seen.begin(), seen.end(), w) != seen.end())
      continue;
    seen.push_back(w);
    f(w);
  }
}

using Bits = std::vector<std::uint64_t>;

void set_all(Bits& bits, const std::vector<std::uint32_t>& slots) {
  for (std::uint32_t s : slots) bits[s / 64] |= std::uint64_t{1} << (s % 64);
}

}  // namespace

std::uint32_t WordIndex::intern(const std::string& v) {
  if (v.empty()) return 0;
  auto [it, added] = value_ids_.try_emplace(v, static_cast<std::uint32_t>(values_.size()));
  if (added) values_.push_back(v);
  return it->second;
}

std::uint32_t WordIndex::value_id(const std::string& v) const {
  auto it = value_ids_.find(v);
  return it == value_ids_.end() ? 0 : it->second;
}

std::uint32_t* WordIndex::slot_of(std::int64_t id) {
  if (id >= 0 && id < kDenseIds) {
    auto i = static_cast<std::size_t>(id);
    return i < dense_.size() && dense_[i] ? &dense_[i] : nullptr;
  }
  auto it = sparse_.find(id);
  return it == sparse_.end() ? nullptr : &it->second;
}

void WordIndex::set_slot_of(std::int64_t id, std::uint32_t slot_plus_one) {
  if (id >= 0 && id < kDenseIds) {
    auto i = static_cast<std::size_t>(id);
    if (i >= dense_.size()) dense_.resize(std::max(i + 1, dense_.size() * 3 / 2), 0);
    dense_[i] = slot_plus_one;
  } else if (slot_plus_one) {
    sparse_[id] = slot_plus_one;
  } else {
    sparse_.erase(id);
  }
}

void WordIndex::kill(std::uint32_t slot) {
  dead_[slot / 64] |= std::uint64_t{1} << (slot % 64);
  ++dead_count_;
}

void WordIndex::put(const IndexedFacility& f) {
  if (std::uint32_t* at = slot_of(f.id)) kill(*at - 1);
  const auto slot = static_cast<std::uint32_t>(slots_.size());
  Slot s;
  s.id = f.id;
  s.name_at = names_.size();
  s.name_len = static_cast<std::uint32_t>(f.name.size());
  names_ += f.name;
  s.employees = f.employees;
  s.kind = intern(f.kind);
  s.province_2025 = intern(f.province_2025);
  s.province_2008 = f.province_set == "2008" ? intern(f.province_code) : 0;
  s.region = intern(f.region_code);
  slots_.push_back(s);
  if (dead_.size() * 64 < slots_.size()) dead_.push_back(0);
  set_slot_of(f.id, slot + 1);
  each_word(f.search_text, [&](std::string_view w) {
    auto [it, added] =
        word_ids_.try_emplace(std::string(w), static_cast<std::uint32_t>(lists_.size()));
    if (added) {
      vocab_at_.push_back(vocab_.size());
      vocab_.append(w).push_back('\n');
      lists_.emplace_back();
    }
    lists_[it->second].push_back(slot);
  });
}

void WordIndex::remove(std::int64_t id) {
  std::uint32_t* at = slot_of(id);
  if (!at) return;
  kill(*at - 1);
  set_slot_of(id, 0);
}

std::vector<std::uint32_t> WordIndex::spellings(std::string_view word) const {
  std::vector<std::uint32_t> out;
  const std::string_view all = vocab_;
  for (std::size_t pos = all.find(word); pos != std::string_view::npos; pos = all.find(word, pos)) {
    auto next = std::upper_bound(vocab_at_.begin(), vocab_at_.end(), pos);
    out.push_back(static_cast<std::uint32_t>(next - vocab_at_.begin() - 1));
    if (next == vocab_at_.end()) break;
    pos = *next;  // the next word: one match per word
  }
  return out;
}

std::optional<IndexPage> WordIndex::search(const ListQuery& q,
                                           const std::vector<std::string>& words) const {
  for (const auto& w : words)
    if (!has_letter(w)) return std::nullopt;
  IndexPage page;
  const Filter filter = filter_of(q);
  if (q.scope_none || words.empty() || filter.none) return page;
  // Each word's spellings, the rarest word (the shortest lists) first.
  struct Word {
    std::vector<std::uint32_t> lists;
    std::size_t entries = 0;
  };
  std::vector<Word> found;
  for (const auto& w : words) {
    Word f{spellings(w)};
    for (auto l : f.lists) f.entries += lists_[l].size();
    if (f.entries == 0) return page;
    found.push_back(std::move(f));
  }
  std::sort(found.begin(), found.end(),
            [](const Word& a, const Word& b) { return a.entries < b.entries; });
  Bits acc(dead_.size(), 0), other;
  for (auto l : found[0].lists) set_all(acc, lists_[l]);
  for (std::size_t i = 1; i < found.size(); ++i) {
    other.assign(dead_.size(), 0);
    for (auto l : found[i].lists) set_all(other, lists_[l]);
    for (std::size_t k = 0; k < acc.size(); ++k) acc[k] &= other[k];
  }
  for (std::size_t k = 0; k < acc.size(); ++k) acc[k] &= ~dead_[k];
  // The total: the matches counted, or collected when a filter must be checked on each (or the
  // sort is not the names').
  const bool by_name = q.sort != "kind" && q.sort != "employees";
  std::vector<std::uint32_t> matches;
  auto collect = [&] {
    for (std::size_t k = 0; k < acc.size(); ++k)
      for (std::uint64_t bits = acc[k]; bits; bits &= bits - 1) {
        const auto slot = static_cast<std::uint32_t>(k * 64 + std::countr_zero(bits));
        if (filter.keeps(slots_[slot])) matches.push_back(slot);
      }
  };
  if (filter.any() || !by_name) {
    collect();
    page.total = std::ssize(matches);
  } else {
    for (std::uint64_t bits : acc) page.total += std::popcount(bits);
  }
  const auto total = static_cast<std::size_t>(page.total);
  const std::size_t from = static_cast<std::size_t>(std::max(0, q.page - 1)) *
                           static_cast<std::size_t>(std::max(0, q.page_size));
  if (from >= total) return page;
  const std::size_t to = std::min(total, from + static_cast<std::size_t>(q.page_size));
  auto order = [&](std::uint32_t x, std::uint32_t y) {
    return q.descending ? before(q.sort, y, x) : before(q.sort, x, y);
  };
  std::vector<std::uint32_t> first;
  // Many matches in name order: walking the names' ranking finds the first `to` in about
  // to * ranked / total steps, where sorting them would compare every match.
  if (by_name && to * by_rank_.size() < total * total)
    first = walk_names(acc, filter, to, q.descending, order);
  else {
    if (matches.empty()) collect();
    if (from > 0) std::nth_element(matches.begin(), matches.begin() + from, matches.end(), order);
    std::partial_sort(matches.begin() + from, matches.begin() + to, matches.end(), order);
    first = std::move(matches);
  }
  for (std::size_t i = from; i < to && i < first.size(); ++i)
    page.ids.push_back(slots_[first[i]].id);
  return page;
}

WordIndex::Filter WordIndex::filter_of(const ListQuery& q) const {
  Filter f;
  // A value the index never saw matches nothing.
  auto wanted = [&](const std::string& v) -> std::optional<std::uint32_t> {
    if (v.empty()) return std::nullopt;
    const std::uint32_t id = value_id(v);
    f.none = f.none || id == 0;
    return id;
  };
  f.scope = wanted(q.scope_province), f.kind = wanted(q.kind), f.region = wanted(q.region);
  f.province = wanted(q.province);
  f.id = q.id, f.by_2008 = q.province_set == "2008";
  return f;
}

bool WordIndex::Filter::keeps(const Slot& s) const {
  return !((scope && s.province_2025 != *scope) || (kind && s.kind != *kind) ||
           (region && s.region != *region) || (id && s.id != *id) ||
           (province && (by_2008 ? s.province_2008 : s.province_2025) != *province));
}

bool WordIndex::before(const std::string& sort, std::uint32_t x, std::uint32_t y) const {
  // Ascending (key, id): the names by rank where both are ranked (the same order).
  const Slot &a = slots_[x], &b = slots_[y];
  if (sort == "kind") {
    if (a.kind != b.kind) return values_[a.kind] < values_[b.kind];
  } else if (sort == "employees") {
    if (a.employees != b.employees) return a.employees < b.employees;
  } else if (a.rank != kNoRank && b.rank != kNoRank) {
    if (a.rank != b.rank) return a.rank < b.rank;
  } else if (int c = name(a).compare(name(b)); c != 0) {
    return c < 0;
  }
  return a.id < b.id;
}

template <class Order>
std::vector<std::uint32_t> WordIndex::walk_names(const std::vector<std::uint64_t>& acc,
                                                 const Filter& filter, std::size_t count,
                                                 bool descending, Order order) const {
  auto matching = [&](std::uint32_t slot) {
    return ((acc[slot / 64] >> (slot % 64)) & 1) && filter.keeps(slots_[slot]);
  };
  // The slots added since the ranking, few, sorted; then the ranked ones in the ranking's order.
  std::vector<std::uint32_t> late, ranked, out;
  for (auto slot = static_cast<std::uint32_t>(ranked_end_); slot < slots_.size(); ++slot)
    if (matching(slot)) late.push_back(slot);
  std::sort(late.begin(), late.end(), order);
  for (std::size_t i = 0; i < by_rank_.size() && ranked.size() < count; ++i) {
    const std::uint32_t slot = by_rank_[descending ? by_rank_.size() - 1 - i : i];
    if (matching(slot)) ranked.push_back(slot);
  }
  std::merge(ranked.begin(), ranked.end(), late.begin(), late.end(), std::back_inserter(out),
             order);
  out.resize(std::min(out.size(), count));
  return out;
}

void WordIndex::rank() {
  std::vector<std::uint32_t> live;
  live.reserve(size());
  for (std::uint32_t s = 0; s < slots_.size(); ++s)
    if (!dead(s)) live.push_back(s);
  std::sort(live.begin(), live.end(), [&](std::uint32_t x, std::uint32_t y) {
    int c = name(slots_[x]).compare(name(slots_[y]));
    return c != 0 ? c < 0 : slots_[x].id < slots_[y].id;
  });
  for (std::uint32_t r = 0; r < live.size(); ++r) slots_[live[r]].rank = r;
  by_rank_ = std::move(live);
  ranked_end_ = slots_.size();
}

void WordIndex::tidy() {
  if (dead_count_ < kMinDeadToCompact || dead_count_ * 4 < slots_.size()) {
    const std::size_t late = slots_.size() - ranked_end_;
    if (late >= kMinDeadToCompact && late * 8 >= slots_.size()) rank();
    return;
  }
  std::vector<std::uint32_t> renumbered(slots_.size(), kNoRank);
  std::vector<Slot> slots;
  std::string names;
  slots.reserve(size());
  for (std::uint32_t s = 0; s < slots_.size(); ++s) {
    if (dead(s)) continue;
    renumbered[s] = static_cast<std::uint32_t>(slots.size());
    Slot moved = slots_[s];
    moved.name_at = names.size();
    names.append(name(slots_[s]));
    slots.push_back(moved);
    set_slot_of(moved.id, renumbered[s] + 1);
  }
  // The lists keep their order (renumbering keeps the slots' order); words left in no list go.
  std::string vocab;
  std::vector<std::uint64_t> vocab_at;
  std::vector<std::vector<std::uint32_t>> lists;
  word_ids_.clear();
  for (std::size_t l = 0; l < lists_.size(); ++l) {
    std::vector<std::uint32_t> kept;
    for (std::uint32_t s : lists_[l])
      if (renumbered[s] != kNoRank) kept.push_back(renumbered[s]);
    if (kept.empty()) continue;
    const auto start = vocab_at_[l];
    const auto end = l + 1 < vocab_at_.size() ? vocab_at_[l + 1] - 1 : vocab_.size() - 1;
    std::string word = vocab_.substr(start, end - start);
    word_ids_.emplace(word, static_cast<std::uint32_t>(lists.size()));
    vocab_at.push_back(vocab.size());
    vocab.append(word).push_back('\n');
    lists.push_back(std::move(kept));
  }
  slots_ = std::move(slots);
  names_ = std::move(names);
  vocab_ = std::move(vocab);
  vocab_at_ = std::move(vocab_at);
  lists_ = std::move(lists);
  dead_.assign((slots_.size() + 63) / 64, 0);
  dead_count_ = 0;
  rank();
}

std::size_t WordIndex::bytes() const {
  std::size_t n = slots_.capacity() * sizeof(Slot) + dead_.capacity() * 8 + names_.capacity() +
                  by_rank_.capacity() * 4 + dense_.capacity() * 4 + sparse_.size() * 32 +
                  vocab_.capacity() + vocab_at_.capacity() * 8 + word_ids_.size() * 48;
  for (const auto& l : lists_) n += l.capacity() * 4 + sizeof(l);
  return n;
}

}  // namespace kc::store

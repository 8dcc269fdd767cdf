#pragma once
// A server's facilities' search index in memory (store/word_index.h), kept in step with the
// database: built once in the background when the server starts, then, before each search, told
// what changed since the version it last saw (the facilities' stamps, migration 029: every
// facility written is stamped at its commit with the version that commit raises), which is one
// indexed query that finds nothing when nothing changed. The request workers of a process share
// one; each process has its own, so several processes over one PostgreSQL each follow the
// database, and none holds state the others need.
//
// Until it is built, or when it can no longer follow (more than kMaxChanges changes at once, or
// a database whose version went back: a restore), a search goes through SQL as before
// (store/text_search.h) while it is rebuilt in the background.
#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <shared_mutex>

#include "store/db.h"
#include "store/word_index.h"

namespace kc::store {

class FacilityIndex : public std::enable_shared_from_this<FacilityIndex> {
 public:
  // Runs work on a connection of its own, off the request threads (the server's pool).
  using Background = std::function<void(std::function<void(Connection&)>)>;
  static constexpr std::int64_t kMaxChanges = 20000;

  // Told how each background build ended, and how long it took (the server logs it).
  using Built = std::function<void(const Status&, double seconds, const FacilityIndex&)>;

  FacilityIndex(Background background, Built built = {})
      : background_(std::move(background)), built_(std::move(built)) {}

  // Builds it in the background, unless a build is running.
  void start();
  // Builds it now from `db` (the background's work; the tests).
  Status build(Connection& db);
  bool ready() const { return ready_; }
  std::size_t size() const;
  std::size_t bytes() const;

  // The page of a search (q's register filters and `words`, search_words(q.q)), after reading
  // what changed; nullopt when the index cannot answer (not built, or a word without a letter).
  Result<std::optional<IndexPage>> search(Connection& db, const ListQuery& q,
                                          const std::vector<std::string>& words);

 private:
  // Reads and applies the changes since rev_; false when the index cannot follow them.
  Result<bool> refresh(Connection& db);

  Background background_;
  Built built_;
  mutable std::shared_mutex mutex_;
  WordIndex index_;
  std::int64_t rev_ = 0;  // the data version whose changes index_ holds
  std::atomic<bool> ready_{false}, building_{false};
};

}  // namespace kc::store

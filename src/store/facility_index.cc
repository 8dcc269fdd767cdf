#include "store/facility_index.h"

#include <chrono>
#include <mutex>

namespace kc::store {
namespace {

constexpr const char* kColumns =
    "f.id, f.name, f.kind, f.province_set, f.province_code, f.province_2025, f.region_code, "
    "f.employees, f.search_text";
constexpr std::int64_t kBatch = 20000;

// The facility of a row whose columns from `at` are kColumns.
IndexedFacility facility_at(const Row& r, std::size_t at) {
  IndexedFacility f;
  f.id = r.i64(at), f.name = r.str(at + 1), f.kind = r.str(at + 2);
  f.province_set = r.str(at + 3), f.province_code = r.str(at + 4);
  f.province_2025 = r.str(at + 5), f.region_code = r.str(at + 6);
  f.employees = r.i64(at + 7), f.search_text = r.str(at + 8);
  return f;
}

}  // namespace

void FacilityIndex::start() {
  if (building_.exchange(true)) return;
  background_([self = shared_from_this()](Connection& db) {
    const auto began = std::chrono::steady_clock::now();
    Status s = self->build(db);
    self->building_ = false;
    if (self->built_)
      self->built_(s,
                   std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count(),
                   *self);
  });
}

Status FacilityIndex::build(Connection& db) {
  // The version first: a facility changed while the batches are read is read again, as a
  // change, at the next search (its stamp is past `rev`).
  auto rev = db.scalar("SELECT n FROM data_version WHERE id = 1", {});
  if (!rev) return std::unexpected(rev.error());
  WordIndex fresh;
  for (std::int64_t after = 0;;) {
    auto rows = db.query(std::string("SELECT ") + kColumns +
                             " FROM facilities f WHERE f.id > ? ORDER BY f.id LIMIT ?",
                         std::vector<Value>{after, kBatch});
    if (!rows) return std::unexpected(rows.error());
    for (const auto& r : *rows) fresh.put(facility_at(r, 0));
    if (std::ssize(*rows) < kBatch) break;
    after = rows->back().i64(0);
  }
  fresh.rank();
  std::unique_lock lock(mutex_);
  index_ = std::move(fresh);
  rev_ = *rev;
  ready_ = true;
  return {};
}

std::size_t FacilityIndex::size() const {
  std::shared_lock lock(mutex_);
  return index_.size();
}

std::size_t FacilityIndex::bytes() const {
  std::shared_lock lock(mutex_);
  return index_.bytes();
}

Result<bool> FacilityIndex::refresh(Connection& db) {
  std::int64_t rev;
  {
    std::shared_lock lock(mutex_);
    rev = rev_;
  }
  // One statement, so one snapshot: the version and the facilities stamped up to it.
  auto rows = db.query(std::string("SELECT d.n, s.id, ") + kColumns +
                           " FROM data_version d LEFT JOIN facility_stamps s ON s.rev > ? "
                           "LEFT JOIN facilities f ON f.id = s.id WHERE d.id = 1 LIMIT ?",
                       std::vector<Value>{rev, kMaxChanges + 1});
  if (!rows) return std::unexpected(rows.error());
  if (rows->empty()) return std::unexpected(Error::internal("the data_version row is missing"));
  const std::int64_t n = rows->front().i64(0);
  if (n == rev) return true;
  if (n < rev || std::ssize(*rows) > kMaxChanges) {
    // A database put back to an earlier version, or too much to follow: built again.
    ready_ = false;
    start();
    return false;
  }
  std::unique_lock lock(mutex_);
  if (n <= rev_) return true;  // another request applied these, or later ones
  for (const auto& r : *rows) {
    if (r.is_null(1)) continue;  // no change
    if (r.is_null(2))
      index_.remove(r.i64(1));  // the facility is gone
    else
      index_.put(facility_at(r, 2));
  }
  index_.tidy();
  rev_ = n;
  return true;
}

Result<std::optional<IndexPage>> FacilityIndex::search(Connection& db, const ListQuery& q,
                                                       const std::vector<std::string>& words) {
  if (!ready_) {
    start();
    return std::optional<IndexPage>{};
  }
  auto followed = refresh(db);
  if (!followed) return std::unexpected(followed.error());
  if (!*followed) return std::optional<IndexPage>{};
  std::shared_lock lock(mutex_);
  return index_.search(q, words);
}

}  // namespace kc::store

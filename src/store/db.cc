#include "store/db.h"

#include <charconv>
#include <ctime>

#include "store/postgres/pg_db.h"
#include "store/sqlite/change_signal.h"
#include "store/sqlite/sqlite_db.h"

namespace kc::store {

std::string now_utc() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

Value text_or_null(const std::string& s) {
  return s.empty() ? Value(nullptr) : Value(s);
}
Value id_or_null(std::int64_t id) {
  return id <= 0 ? Value(nullptr) : Value(id);
}

std::int64_t Row::i64(size_t i) const {
  const auto& v = cols_.at(i);
  if (auto* p = std::get_if<std::int64_t>(&v)) return *p;
  if (auto* s = std::get_if<std::string>(&v)) {
    std::int64_t n = 0;
    auto [p, ec] = std::from_chars(s->data(), s->data() + s->size(), n);
    return ec == std::errc{} && p == s->data() + s->size() ? n : 0;
  }
  return 0;
}

std::string Row::str(size_t i) const {
  const auto& v = cols_.at(i);
  if (auto* s = std::get_if<std::string>(&v)) return *s;
  if (auto* p = std::get_if<std::int64_t>(&v)) return std::to_string(*p);
  return {};
}

Result<std::int64_t> Connection::scalar(std::string_view sql, std::span<const Value> params) {
  auto rows = query(sql, params);
  if (!rows) return std::unexpected(rows.error());
  if (rows->empty() || rows->front().size() == 0) return 0;
  return rows->front().i64(0);
}

bool is_postgres(const std::string& location) {
  return location.starts_with("postgresql:") || location.starts_with("postgres:");
}

std::string sqlite_path(const std::string& location) {
  return location.starts_with("sqlite:") ? location.substr(7) : location;
}

Result<std::unique_ptr<Connection>> open(const std::string& location) {
  if (is_postgres(location)) return open_postgres(location);
  std::string path = sqlite_path(location);
  if (path.empty()) return std::unexpected(Error::invalid("empty database location"));
  return open_sqlite(path);
}

Result<Transaction> Transaction::write(Connection& c, Bump bump) {
  if (c.depth_ > 0) {
    std::string name = "kc_nested_" + std::to_string(c.depth_);
    if (auto s = c.exec("SAVEPOINT " + name, {}); !s) return std::unexpected(s.error());
    if (bump == Bump::yes) c.outside_facilities_ = true;
    if (bump != Bump::no) c.writing_ = true;  // a write inside a read: the index cannot see it
    return Transaction(c, false, name);       // the outermost one raises the data's version
  }
  if (auto s = c.begin_write(); !s) return std::unexpected(s.error());
  c.writing_ = true;
  c.outside_facilities_ = bump != Bump::facilities;
  return Transaction(c, bump != Bump::no);
}

Result<Transaction> Transaction::read(Connection& c) {
  if (c.depth_ > 0) return write(c, Bump::no);  // inside a transaction: a savepoint
  if (auto s = c.begin_read(); !s) return std::unexpected(s.error());
  return Transaction(c, false);
}

Status ping(Connection& c) {
  auto one = c.scalar("SELECT 1", {});
  if (!one) return std::unexpected(one.error());
  return {};
}

Result<DataVersion> data_version(Connection& c) {
  ChangeSignal* signal = c.depth_ == 0 ? c.change_signal() : nullptr;
  const std::uint64_t count = signal ? signal->count() : 0;
  const auto now = std::chrono::steady_clock::now();
  auto& seen = c.seen_;
  if (signal && seen.known && seen.signal == count && now - seen.at < kVersionReuse)
    return seen.version;
  auto rows = c.query("SELECT n, n - facility_writes FROM data_version WHERE id = 1", {});
  if (!rows) return std::unexpected(rows.error());
  if (rows->empty()) return std::unexpected(Error::internal("the data_version row is missing"));
  DataVersion v{rows->front().i64(0), rows->front().i64(1)};
  // The count read before the version: a write committed in between shows at the next call.
  if (signal) seen = {true, count, v, now};
  return v;
}

Status stamp_facility_changes(Connection& c) {
  auto stamped = c.exec(
      "UPDATE facility_stamps SET rev = (SELECT n FROM data_version WHERE id = 1) "
      "WHERE rev IS NULL",
      {});
  if (!stamped) return std::unexpected(stamped.error());
  return {};
}

Transaction::~Transaction() {
  if (!open_) return;
  --c_.depth_;
  if (savepoint_.empty()) {
    c_.writing_ = false;
    (void)c_.rollback();
  } else {
    (void)c_.exec("ROLLBACK TO SAVEPOINT " + savepoint_, {});
    (void)c_.exec("RELEASE SAVEPOINT " + savepoint_, {});
  }
}

Status Transaction::commit() {
  if (!savepoint_.empty()) {
    auto r = c_.exec("RELEASE SAVEPOINT " + savepoint_, {});
    if (!r) return std::unexpected(r.error());
    open_ = false;
    --c_.depth_;
    return {};
  }
  if (bump_) {
    auto n = c_.exec(c_.outside_facilities_
                         ? "UPDATE data_version SET n = n + 1 WHERE id = 1"
                         : "UPDATE data_version SET n = n + 1, facility_writes = facility_writes "
                           "+ 1 WHERE id = 1",
                     {});
    if (!n) return std::unexpected(n.error());
    if (auto stamped = stamp_facility_changes(c_); !stamped) return stamped;
  }
  auto s = c_.commit();
  // A failed COMMIT leaves the transaction open: the destructor rolls it back, so that the
  // connection is usable for the next request.
  if (s) open_ = false, --c_.depth_, c_.writing_ = false;
  if (s && bump_)
    if (ChangeSignal* signal = c_.change_signal()) signal->raise();
  return s;
}

}  // namespace kc::store

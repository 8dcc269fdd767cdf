#pragma once
// The database connection every repository is written against, implemented for SQLite
// (store/sqlite/) and PostgreSQL (store/postgres/), and by a fault-injecting wrapper in the
// tests (tests/unit/faulty_connection.h). Repositories write portable SQL with `?`
// placeholders; an implementation rewrites them for its dialect.
//
// Thread safety: a Connection is used by one thread at a time. Each server worker owns one.
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "domain/error.h"
#include "store/data_version.h"

namespace kc::store {

using Value = std::variant<std::nullptr_t, std::int64_t, std::string>;

// The current time as ISO 8601 UTC ("2026-11-28T08:44:30Z"), for created_at/updated_at.
std::string now_utc();

// Helpers to turn optional fields into bound values.
Value text_or_null(const std::string& s);
Value id_or_null(std::int64_t id);

class Row {
 public:
  explicit Row(std::vector<Value> cols) : cols_(std::move(cols)) {}
  bool is_null(size_t i) const { return std::holds_alternative<std::nullptr_t>(cols_.at(i)); }
  std::int64_t i64(size_t i) const;  // 0 when NULL or not an integer
  std::string str(size_t i) const;   // "" when NULL
  size_t size() const { return cols_.size(); }

 private:
  std::vector<Value> cols_;
};

// Reference catalogues (provinces, contents, indicators) read through a connection, kept
// for its life: they change only with a migration (store/reference_repo.cc).
struct ReferenceMemo;
class ChangeSignal;   // store/sqlite/change_signal.h
class FacilityIndex;  // store/facility_index.h

// A statement that begins with this comment is planned with its values at each run:
// PostgreSQL never prepares it (store/postgres/pg_db.cc). For a statement whose best plan
// depends on its values, such as the search by patterns over a large table (text_search.cc).
inline constexpr std::string_view kPlanEachRun = "/* plan each run */ ";

class Connection {
 public:
  virtual ~Connection() = default;
  ReferenceMemo& reference_memo();

  // Runs one statement and returns every row it produced.
  virtual Result<std::vector<Row>> query(std::string_view sql, std::span<const Value> params) = 0;
  // Runs one statement; returns the number of rows changed.
  virtual Result<std::int64_t> exec(std::string_view sql, std::span<const Value> params) = 0;
  // Runs several statements with no parameters (migrations).
  virtual Status exec_script(std::string_view sql) = 0;

  // Transactions. begin_write takes the write lock at once so that two writers never
  // deadlock on a lock upgrade.
  virtual Status begin_write() = 0;
  virtual Status begin_read() = 0;
  virtual Status commit() = 0;
  virtual Status rollback() = 0;

  // How long a statement waits for another writer's lock before failing with `unavailable`
  // (SQLite: the busy timeout; PostgreSQL: lock_timeout). The server keeps it short, so that
  // a request answers 503 with Retry-After instead of hanging behind a long import.
  virtual Status set_lock_wait(int milliseconds) = 0;

  // "sqlite" or "postgresql".
  virtual std::string_view dialect() const = 0;

  // The signal raised by every write that raises the data's version, in any process
  // (SQLite); nullptr where there is none, and the version is read each time (PostgreSQL,
  // where other machines write too).
  virtual ChangeSignal* change_signal() { return nullptr; }

  // Reads the database file through a memory map of its first `bytes` (SQLite; elsewhere it
  // does nothing): a page already in the system's cache is then read without a system call or
  // a copy. The pages it touches count in the process's resident memory, though they are the
  // system's file cache, shared; the server's request workers use it, not the commands and
  // background work that read a whole database.
  virtual Status map_file(std::int64_t bytes) {
    (void)bytes;
    return {};
  }

  // Convenience: the first column of the first row as an integer (0 when no row).
  Result<std::int64_t> scalar(std::string_view sql, std::span<const Value> params);

  // The facilities' search index in memory this connection's searches go through (the server's
  // request workers share one); nullptr when there is none, or inside a write transaction,
  // whose own writes the index cannot see.
  FacilityIndex* facility_index() const { return writing_ ? nullptr : facility_index_.get(); }
  void use_facility_index(std::shared_ptr<FacilityIndex> index) {
    facility_index_ = std::move(index);
  }

 private:
  friend class Transaction;
  friend Result<DataVersion> data_version(Connection& c);
  std::shared_ptr<ReferenceMemo> memo_;
  int depth_ = 0;         // open Transactions on this connection (inner ones are savepoints)
  bool writing_ = false;  // the outermost open Transaction is a write
  std::shared_ptr<FacilityIndex> facility_index_;
  // Whether the open write transaction, or one nested in it, may change data outside the
  // facilities' register (every write but one opened with Bump::facilities).
  bool outside_facilities_ = false;
  // The data version this connection last read, with the change signal's count read just
  // before it and when.
  struct VersionSeen {
    bool known = false;
    std::uint64_t signal = 0;
    DataVersion version;
    std::chrono::steady_clock::time_point at;
  } seen_;
};

// Opens a database from a location given on the command line: a file path or `sqlite:PATH`.
Result<std::unique_ptr<Connection>> open(const std::string& location);
// Whether a location names a PostgreSQL database (`postgresql://…`, `postgres://…`).
bool is_postgres(const std::string& location);
// The file of a SQLite location (`sqlite:PATH` or PATH).
std::string sqlite_path(const std::string& location);

// A transaction that rolls back unless committed. Use one per use case. When commit() fails,
// the transaction is still open and the destructor rolls it back. A transaction opened inside
// another on the same connection (a use case called by a larger one, like the demo) is a
// savepoint: committing releases it into the outer one, rolling back undoes only its own work. A
// write transaction raises the data's versions (see data_version) as its last statement before
// COMMIT: both of them, or only `all` when it and every transaction nested in it were opened
// with Bump::facilities — a use case that changes nothing but the facilities' register (their
// rows, their search index, and the audit chain of that change).
class Transaction {
 public:
  enum class Bump { yes, no, facilities };
  static Result<Transaction> write(Connection& c, Bump bump = Bump::yes);
  static Result<Transaction> read(Connection& c);
  Transaction(Transaction&& o) noexcept
      : c_(o.c_), open_(o.open_), bump_(o.bump_), savepoint_(std::move(o.savepoint_)) {
    o.open_ = false;
  }
  Transaction& operator=(Transaction&&) = delete;
  ~Transaction();
  Status commit();

 private:
  Transaction(Connection& c, bool bump, std::string savepoint = {})
      : c_(c), open_(true), bump_(bump), savepoint_(std::move(savepoint)) {
    ++c_.depth_;
  }
  Connection& c_;
  bool open_;
  bool bump_;
  std::string savepoint_;  // "" for the outermost transaction
};

// Gives the facilities marked as written (a trigger marks them, migration 029) the data's
// current version: every write's commit does it after raising the version, so that the search
// indexes in memory (store/facility_index.h) read the changes since the version they last saw;
// a copy does it for the rows it copied.
Status stamp_facility_changes(Connection& c);

// Whether the database answers a trivial query (readiness).
Status ping(Connection& c);

// The data's versions, read together. Outside a transaction, a connection with a change signal
// reuses the versions it last read while the signal has not moved, for at most kVersionReuse (a
// process that died between its commit and raising the signal is then seen that much later).
inline constexpr std::chrono::milliseconds kVersionReuse{500};
Result<DataVersion> data_version(Connection& c);

}  // namespace kc::store

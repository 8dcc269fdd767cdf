#include "store/sqlite/sqlite_db.h"

#include <sqlite3.h>

#include <unordered_map>

#include "store/sqlite/change_signal.h"

namespace kc::store {
namespace {

class SqliteConnection final : public Connection {
  static constexpr std::size_t kMaxCached = 256;

 public:
  SqliteConnection(sqlite3* db, std::shared_ptr<ChangeSignal> signal)
      : db_(db), signal_(std::move(signal)) {}
  ~SqliteConnection() override {
    for (auto& [sql, stmt] : cache_) sqlite3_finalize(stmt);
    sqlite3_close(db_);
  }

  Result<std::vector<Row>> query(std::string_view sql, std::span<const Value> params) override {
    auto stmt = prepare(sql, params);
    if (!stmt) return std::unexpected(stmt.error());
    std::vector<Row> rows;
    int rc;
    while ((rc = sqlite3_step(*stmt)) == SQLITE_ROW) {
      int n = sqlite3_column_count(*stmt);
      std::vector<Value> cols;
      cols.reserve(static_cast<size_t>(n));
      for (int i = 0; i < n; ++i) {
        switch (sqlite3_column_type(*stmt, i)) {
          case SQLITE_NULL:
            cols.emplace_back(nullptr);
            break;
          case SQLITE_INTEGER:
            cols.emplace_back(sqlite3_column_int64(*stmt, i));
            break;
          default: {
            auto* p = reinterpret_cast<const char*>(sqlite3_column_text(*stmt, i));
            cols.emplace_back(std::string(p, static_cast<size_t>(sqlite3_column_bytes(*stmt, i))));
          }
        }
      }
      rows.emplace_back(std::move(cols));
    }
    done(*stmt, sql);
    if (rc != SQLITE_DONE) return std::unexpected(fail(rc));
    return rows;
  }

  Result<std::int64_t> exec(std::string_view sql, std::span<const Value> params) override {
    auto stmt = prepare(sql, params);
    if (!stmt) return std::unexpected(stmt.error());
    int rc = sqlite3_step(*stmt);
    while (rc == SQLITE_ROW) rc = sqlite3_step(*stmt);
    done(*stmt, sql);
    if (rc != SQLITE_DONE) return std::unexpected(fail(rc));
    return sqlite3_changes64(db_);
  }

  Status exec_script(std::string_view sql) override {
    char* msg = nullptr;
    std::string s(sql);
    if (int rc = sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &msg); rc != SQLITE_OK) {
      sqlite3_free(msg);
      return std::unexpected(fail(rc));
    }
    return {};
  }

  Status begin_write() override { return exec_script("BEGIN IMMEDIATE"); }
  Status begin_read() override { return exec_script("BEGIN"); }
  Status commit() override { return exec_script("COMMIT"); }
  Status rollback() override { return exec_script("ROLLBACK"); }
  Status set_lock_wait(int milliseconds) override {
    sqlite3_busy_timeout(db_, milliseconds);
    return {};
  }
  std::string_view dialect() const override { return "sqlite"; }
  ChangeSignal* change_signal() override { return signal_.get(); }
  Status map_file(std::int64_t bytes) override {
    return exec_script("PRAGMA mmap_size=" + std::to_string(bytes));
  }

 private:
  Error fail(int rc) {
    int ext = sqlite3_extended_errcode(db_);
    std::string msg = std::string("sqlite: ") + sqlite3_errmsg(db_);
    if (rc == SQLITE_CONSTRAINT || (ext & 0xff) == SQLITE_CONSTRAINT) {
      return Error::conflict(msg);
    }
    if (rc == SQLITE_BUSY || (ext & 0xff) == SQLITE_BUSY || rc == SQLITE_LOCKED) {
      Error e = Error::of(ErrorKind::unavailable,
                          "the database is busy with another writer (an import?); retry shortly");
      e.retry_after = 2;
      return e;
    }
    return Error::internal(msg);
  }

  // Long statements carry inline id lists (a page's children, an export's batch): each is
  // used once, and a compiled IN list of thousands of ids takes a megabyte. They are not
  // kept; the cache of the others is bounded all the same. Multi-row inserts (store::
  // insert_rows) are long too but repeat the same text for every full chunk of an import, and
  // compiling one costs more than running it: they are kept.
  static bool cacheable(std::string_view sql) {
    return sql.size() <= 2048 || (sql.starts_with("INSERT INTO ") && sql.size() <= 65536);
  }

  void done(sqlite3_stmt* stmt, std::string_view sql) {
    if (cacheable(sql))
      sqlite3_reset(stmt);
    else
      sqlite3_finalize(stmt);
  }

  Result<sqlite3_stmt*> prepare(std::string_view sql, std::span<const Value> params) {
    std::string key(sql);
    sqlite3_stmt* stmt = nullptr;
    if (auto it = cache_.find(key); it != cache_.end()) {
      stmt = it->second;
      sqlite3_clear_bindings(stmt);
    } else {
      int rc = sqlite3_prepare_v2(db_, key.c_str(), static_cast<int>(key.size()), &stmt, nullptr);
      if (rc != SQLITE_OK) return std::unexpected(fail(rc));
      if (cacheable(key)) {  // else finalized by done()
        if (cache_.size() >= kMaxCached) {
          for (auto& [text, cached] : cache_) sqlite3_finalize(cached);
          cache_.clear();
        }
        cache_.emplace(std::move(key), stmt);
      }
    }
    for (size_t i = 0; i < params.size(); ++i) {
      int idx = static_cast<int>(i + 1);
      int rc = std::visit(
          [&](const auto& v) -> int {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, std::nullptr_t>)
              return sqlite3_bind_null(stmt, idx);
            else if constexpr (std::is_same_v<T, std::int64_t>)
              return sqlite3_bind_int64(stmt, idx, v);
            else
              // Not copied: the values outlive every step of the statement (query and exec
              // step it to the end before they return), and the next use binds anew.
              return sqlite3_bind_text(stmt, idx, v.data(), static_cast<int>(v.size()),
                                       SQLITE_STATIC);
          },
          params[i]);
      if (rc != SQLITE_OK) {
        Error e = fail(rc);
        done(stmt, sql);
        return std::unexpected(e);
      }
    }
    return stmt;
  }

  sqlite3* db_;
  std::shared_ptr<ChangeSignal> signal_;
  std::unordered_map<std::string, sqlite3_stmt*> cache_;
};

}  // namespace

Result<std::unique_ptr<Connection>> open_sqlite(const std::string& path) {
  sqlite3* db = nullptr;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  if (sqlite3_open_v2(path.c_str(), &db, flags, nullptr) != SQLITE_OK) {
    std::string msg = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    return std::unexpected(Error::internal("cannot open database " + path + ": " + msg));
  }
  sqlite3_busy_timeout(db, 10000);
  auto conn = std::make_unique<SqliteConnection>(db, ChangeSignal::of_file(path));
  if (auto s = conn->exec_script("PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; "
                                 "PRAGMA synchronous=NORMAL;");
      !s)
    return std::unexpected(s.error());
  return std::unique_ptr<Connection>(std::move(conn));
}

Status sqlite_copy(const std::string& from, const std::string& to) {
  sqlite3 *src = nullptr, *dst = nullptr;
  auto close_both = [&] {
    sqlite3_close(src);
    sqlite3_close(dst);
  };
  if (sqlite3_open_v2(from.c_str(), &src, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK ||
      sqlite3_open_v2(to.c_str(), &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) !=
          SQLITE_OK) {
    close_both();
    return std::unexpected(Error::internal("cannot open " + from + " or " + to));
  }
  sqlite3_busy_timeout(dst, 10000);
  sqlite3_backup* b = sqlite3_backup_init(dst, "main", src, "main");
  int rc = SQLITE_ERROR;
  if (b) {
    do {
      rc = sqlite3_backup_step(b, 256);
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) sqlite3_sleep(20);
    } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
    sqlite3_backup_finish(b);
  }
  std::string msg = sqlite3_errmsg(dst);
  close_both();
  if (rc != SQLITE_DONE) return std::unexpected(Error::internal("backup failed: " + msg));
  return {};
}

}  // namespace kc::store

#include "store/postgres/pg_db.h"

#include <libpq-fe.h>

#include <cstring>
#include <string>
#include <unordered_map>
#include <unordered_set>

namespace kc::store {
namespace {

// Type OIDs of PostgreSQL's integer types (pg_type.h).
constexpr Oid kInt8 = 20, kInt2 = 21, kInt4 = 23;
constexpr std::int64_t kWriteLock = 0x6b63;  // "kc": the advisory lock of write transactions
// Statements prepared per connection: a text seen a second time is prepared, and from then on
// only bound and executed (the planner keeps a generic plan where it costs no more than a
// custom one). A text seen once runs unprepared: a text with ids inline (a search's page)
// is rarely seen again, and preparing it would cost a round trip and the server's memory for
// nothing. Texts past the bound run unprepared too.
constexpr size_t kMaxPrepared = 512;
constexpr size_t kMaxSeen = 4096;  // texts seen once, remembered by hash

// Looks up by string_view without building a std::string.
struct TextHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

class PgConnection final : public Connection {
 public:
  explicit PgConnection(PGconn* c) : c_(c) {}
  ~PgConnection() override { PQfinish(c_); }

  Result<std::vector<Row>> query(std::string_view sql, std::span<const Value> params) override {
    auto res = run(sql, params);
    if (!res) return std::unexpected(res.error());
    PGresult* r = res->get();
    std::vector<Row> rows;
    int n = PQntuples(r), cols = PQnfields(r);
    rows.reserve(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i) {
      std::vector<Value> v;
      v.reserve(static_cast<size_t>(cols));
      for (int j = 0; j < cols; ++j) {
        if (PQgetisnull(r, i, j)) {
          v.emplace_back(nullptr);
          continue;
        }
        const char* text = PQgetvalue(r, i, j);
        Oid t = PQftype(r, j);
        if (t == kInt8 || t == kInt4 || t == kInt2)
          v.emplace_back(static_cast<std::int64_t>(std::strtoll(text, nullptr, 10)));
        else
          v.emplace_back(std::string(text, static_cast<size_t>(PQgetlength(r, i, j))));
      }
      rows.emplace_back(std::move(v));
    }
    return rows;
  }

  Result<std::int64_t> exec(std::string_view sql, std::span<const Value> params) override {
    auto res = run(sql, params);
    if (!res) return std::unexpected(res.error());
    const char* n = PQcmdTuples(res->get());
    return n && *n ? std::strtoll(n, nullptr, 10) : 0;
  }

  Status exec_script(std::string_view sql) override {
    std::string s(sql);
    PgResult r(PQexec(c_, s.c_str()));
    return check(r.get());
  }

  Status begin_write() override {
    if (auto s = exec_script("BEGIN"); !s) return s;
    return exec_script("SELECT pg_advisory_xact_lock(" + std::to_string(kWriteLock) + ")");
  }
  Status begin_read() override { return exec_script("BEGIN"); }
  Status commit() override { return exec_script("COMMIT"); }
  Status rollback() override { return exec_script("ROLLBACK"); }
  Status set_lock_wait(int milliseconds) override {
    return exec_script("SET lock_timeout = " + std::to_string(milliseconds));
  }
  std::string_view dialect() const override { return "postgresql"; }

 private:
  struct Clear {
    void operator()(PGresult* r) const { PQclear(r); }
  };
  using PgResult = std::unique_ptr<PGresult, Clear>;

  Status check(PGresult* r) {
    auto st = PQresultStatus(r);
    if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK) return {};
    const char* state = PQresultErrorField(r, PG_DIAG_SQLSTATE);
    std::string msg = std::string("postgresql: ") + PQerrorMessage(c_);
    if (state && std::strncmp(state, "23", 2) == 0) return std::unexpected(Error::conflict(msg));
    if (state && std::strcmp(state, "55P03") == 0) {  // lock_not_available
      Error e = Error::of(ErrorKind::unavailable,
                          "the database is busy with another writer (an import?); retry shortly");
      e.retry_after = 2;
      return std::unexpected(e);
    }
    return std::unexpected(Error::internal(msg));
  }

  kc::Result<PgResult> run(std::string_view sql, std::span<const Value> params) {
    std::vector<std::string> storage(params.size());
    std::vector<const char*> values(params.size());
    for (size_t i = 0; i < params.size(); ++i) {
      if (std::holds_alternative<std::nullptr_t>(params[i])) {
        values[i] = nullptr;
        continue;
      }
      if (auto* n = std::get_if<std::int64_t>(&params[i]))
        storage[i] = std::to_string(*n);
      else
        storage[i] = std::get<std::string>(params[i]);
      values[i] = storage[i].c_str();
    }
    const int n = static_cast<int>(params.size());
    auto name = prepared(sql);
    if (!name) return std::unexpected(name.error());
    PgResult r(*name ? PQexecPrepared(c_, (*name)->c_str(), n, values.data(), nullptr, nullptr, 0)
                     : PQexecParams(c_, to_dollar_placeholders(sql).c_str(), n, nullptr,
                                    values.data(), nullptr, nullptr, 0));
    if (auto s = check(r.get()); !s) return std::unexpected(s.error());
    return r;
  }

  // The name of `sql`'s prepared statement on this connection, preparing it on its second
  // use; null when it runs unprepared (its first use, the cache is full, or it begins with
  // kPlanEachRun). A text that does not prepare reports the error it would have run into.
  // After five runs a prepared statement may keep one generic plan for every value; for the
  // search by patterns over a million facilities that plan walked the table in id order (a
  // search of eight words: 51 ms planned with its values, 3.4 s prepared). Planning every
  // statement anew would cost the others: the mixed load's p99 went from 13 to 37 ms.
  kc::Result<const std::string*> prepared(std::string_view sql) {
    if (auto it = statements_.find(sql); it != statements_.end()) return &it->second;
    if (sql.starts_with(kPlanEachRun)) return nullptr;
    if (statements_.size() >= kMaxPrepared) return nullptr;
    if (seen_.size() >= kMaxSeen) seen_.clear();
    if (seen_.insert(TextHash{}(sql)).second) return nullptr;
    std::string name = "kc" + std::to_string(statements_.size());
    PgResult r(PQprepare(c_, name.c_str(), to_dollar_placeholders(sql).c_str(), 0, nullptr));
    if (auto s = check(r.get()); !s) return std::unexpected(s.error());
    return &statements_.emplace(std::string(sql), std::move(name)).first->second;
  }

  PGconn* c_;
  std::unordered_map<std::string, std::string, TextHash, std::equal_to<>> statements_;
  std::unordered_set<size_t> seen_;
};

}  // namespace

std::string to_dollar_placeholders(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 16);
  int n = 0;
  bool quoted = false;
  for (char c : sql) {
    if (c == '\'') quoted = !quoted;
    if (c == '?' && !quoted) {
      out += '$' + std::to_string(++n);
    } else {
      out += c;
    }
  }
  return out;
}

Result<std::unique_ptr<Connection>> open_postgres(const std::string& url) {
  PGconn* c = PQconnectdb(url.c_str());
  if (PQstatus(c) != CONNECTION_OK) {
    std::string msg = PQerrorMessage(c);
    PQfinish(c);
    return std::unexpected(Error::internal("cannot connect to PostgreSQL: " + msg));
  }
  auto conn = std::make_unique<PgConnection>(c);
  if (auto s = conn->exec_script("SET client_min_messages = warning"); !s)
    return std::unexpected(s.error());
  return std::unique_ptr<Connection>(std::move(conn));
}

}  // namespace kc::store

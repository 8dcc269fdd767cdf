#pragma once
// A Connection that forwards to a real one and fails the Nth statement it is asked to run
// (BEGIN and COMMIT count as statements; ROLLBACK never fails, as cleanup must work). It
// proves that every write use case leaves nothing behind when any one of its statements, or
// its COMMIT, fails. It can also keep the text of every statement it runs (record()), for
// tests of what a use case reads or writes.
#include <string>
#include <vector>

#include "store/db.h"

namespace kc {

class FaultyConnection final : public store::Connection {
 public:
  explicit FaultyConnection(store::Connection& real) : real_(real) {}

  // Fail the nth statement from now on (1-based); 0 = never.
  void fail_at(int n) {
    fail_at_ = n;
    count_ = 0;
    injected_ = false;
  }
  int count() const { return count_; }
  bool injected() const { return injected_; }
  // Keeps the statements run from now on, forgetting those kept before (true), or stops
  // keeping them, holding those kept (false).
  void record(bool on) {
    if (on) statements_.clear();
    recording_ = on;
  }
  const std::vector<std::string>& statements() const { return statements_; }

  Result<std::vector<store::Row>> query(std::string_view sql,
                                        std::span<const store::Value> params) override {
    if (auto e = fault(sql)) return std::unexpected(*e);
    return real_.query(sql, params);
  }
  Result<std::int64_t> exec(std::string_view sql, std::span<const store::Value> params) override {
    if (auto e = fault(sql)) return std::unexpected(*e);
    return real_.exec(sql, params);
  }
  Status exec_script(std::string_view sql) override {
    if (auto e = fault(sql)) return std::unexpected(*e);
    return real_.exec_script(sql);
  }
  Status begin_write() override {
    if (auto e = fault()) return std::unexpected(*e);
    return real_.begin_write();
  }
  Status begin_read() override {
    if (auto e = fault()) return std::unexpected(*e);
    return real_.begin_read();
  }
  Status commit() override {
    if (auto e = fault()) return std::unexpected(*e);  // the transaction stays open
    return real_.commit();
  }
  Status rollback() override { return real_.rollback(); }
  Status set_lock_wait(int ms) override { return real_.set_lock_wait(ms); }
  std::string_view dialect() const override { return real_.dialect(); }
  store::ChangeSignal* change_signal() override { return real_.change_signal(); }

 private:
  std::optional<Error> fault(std::string_view sql = {}) {
    if (recording_ && !sql.empty()) statements_.emplace_back(sql);
    if (++count_ != fail_at_) return std::nullopt;
    injected_ = true;
    return Error::internal("injected fault at statement " + std::to_string(count_));
  }
  store::Connection& real_;
  int fail_at_ = 0;
  int count_ = 0;
  bool injected_ = false;
  bool recording_ = false;
  std::vector<std::string> statements_;
};

}  // namespace kc

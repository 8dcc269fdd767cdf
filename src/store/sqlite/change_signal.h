#pragma once
// A counter in a small file beside a SQLite database (`<file>-kcv`), mapped into memory by
// every process that opens the database, and raised after each commit that raises the data's
// version (store::Transaction). Reading the data version on SQLite opens a read transaction
// (locks on the WAL's shared-memory file, two system calls); a request that finds the counter
// where it was at the connection's last read knows that no write has committed since, and
// reuses that version (store::data_version). Only this program's writes raise the version,
// so only they need to raise the counter.
#include <cstdint>
#include <memory>
#include <string>

namespace kc::store {

class ChangeSignal {
 public:
  // The signal of the database file at `path`, shared by every connection of this process
  // that opens it; nullptr when there is none (an in-memory database, a directory that cannot
  // hold the file): every version is then read from the database.
  static std::shared_ptr<ChangeSignal> of_file(const std::string& path);

  ChangeSignal(const ChangeSignal&) = delete;
  ChangeSignal& operator=(const ChangeSignal&) = delete;
  ~ChangeSignal();

  std::uint64_t count() const;
  void raise();

 private:
  explicit ChangeSignal(void* map) : map_(map) {}
  void* map_;
};

}  // namespace kc::store

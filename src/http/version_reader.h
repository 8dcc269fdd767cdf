#pragma once
// The data version for the requests of a server process on PostgreSQL, read without holding
// up an I/O thread. There the version is a row that any process, on any machine, may raise,
// so a request must read it after it arrived to see every write committed before it. Read on
// each I/O thread's own connection, that round trip would stop the thread's other requests
// for its length; here a thread of its own reads it on a connection of its own, and every
// request that arrived while a read was under way shares the next one, begun after they all
// arrived. A request then waits for at most two reads, the I/O threads serve others
// meanwhile, and the database answers one query per group of requests (docs/benchmarks.md,
// the API on PostgreSQL). On SQLite the change signal makes the read nearly free: no reader.
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <boost/asio/awaitable.hpp>

#include "domain/error.h"
#include "store/db.h"

namespace kc::http {

class VersionReader {
 public:
  // Reads the version of the database at `location` on a connection of its own, opened
  // on first use and again after a failed read.
  explicit VersionReader(std::string location);
  ~VersionReader();
  VersionReader(const VersionReader&) = delete;
  VersionReader& operator=(const VersionReader&) = delete;

  // A version read begun after this call; resumes on the caller's executor.
  boost::asio::awaitable<Result<store::DataVersion>> read();

 private:
  using Waiter = std::function<void(const Result<store::DataVersion>&)>;
  void wait(Waiter waiter);
  void loop();
  Result<store::DataVersion> read_now();

  std::string location_;
  std::unique_ptr<store::Connection> db_;  // the reader thread's only
  std::mutex mutex_;
  std::condition_variable wake_;
  std::vector<Waiter> waiting_;
  bool stop_ = false;
  std::thread thread_;  // last: starts once the rest is built
};

}  // namespace kc::http

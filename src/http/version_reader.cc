#include "http/version_reader.h"

#include <boost/asio/async_result.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

namespace kc::http {

namespace asio = boost::asio;

VersionReader::VersionReader(std::string location)
    : location_(std::move(location)), thread_([this] { loop(); }) {}

VersionReader::~VersionReader() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  wake_.notify_one();
  thread_.join();
}

asio::awaitable<Result<store::DataVersion>> VersionReader::read() {
  auto executor = co_await asio::this_coro::executor;
  co_return co_await asio::async_initiate<decltype(asio::use_awaitable),
                                          void(Result<store::DataVersion>)>(
      [this, executor](auto handler) {
        // The handler moves only; the waiter is copied into the list.
        auto shared = std::make_shared<decltype(handler)>(std::move(handler));
        wait([executor, shared](const Result<store::DataVersion>& version) {
          asio::post(executor, [shared, version]() mutable { (*shared)(version); });
        });
      },
      asio::use_awaitable);
}

void VersionReader::wait(Waiter waiter) {
  {
    std::lock_guard lock(mutex_);
    waiting_.push_back(std::move(waiter));
  }
  wake_.notify_one();
}

void VersionReader::loop() {
  std::unique_lock lock(mutex_);
  for (;;) {
    wake_.wait(lock, [this] { return stop_ || !waiting_.empty(); });
    if (stop_) break;
    // Everyone waiting now arrived before the read that follows begins.
    std::vector<Waiter> group = std::move(waiting_);
    waiting_.clear();
    lock.unlock();
    const Result<store::DataVersion> version = read_now();
    for (const auto& w : group) w(version);
    lock.lock();
  }
  const Result<store::DataVersion> stopped =
      std::unexpected(Error::of(ErrorKind::unavailable, "the server is stopping"));
  for (const auto& w : waiting_) w(stopped);
}

Result<store::DataVersion> VersionReader::read_now() {
  if (!db_) {
    auto db = store::open(location_);
    if (!db) return std::unexpected(db.error());
    db_ = std::move(*db);
  }
  auto version = store::data_version(*db_);
  if (!version) db_.reset();  // a lost connection is opened again for the next read
  return version;
}

}  // namespace kc::http

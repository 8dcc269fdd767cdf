// The server's reader of the data version (http/version_reader.h): every read answers a
// version read after it was asked for, also while writes commit and many requests wait at
// once, and the I/O threads that ask are never the ones that read.
#include "http/version_reader.h"

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <thread>
#include <vector>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>

#include "store/migrate.h"
#include "test_database.h"

namespace kc {
namespace {

namespace asio = boost::asio;

class VersionReaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fresh_test_dir("kc-reader",
                          ::testing::UnitTest::GetInstance()->current_test_info()->name());
    location_ = test_database(dir_ / "test.db");
    auto db = store::open(location_);
    ASSERT_TRUE(db) << db.error().message;
    writer_ = std::move(*db);
    ASSERT_TRUE(store::migrate(*writer_));
  }
  void TearDown() override {
    writer_.reset();
    std::filesystem::remove_all(dir_);
  }
  // Commits a write; the version it raised.
  std::int64_t write() {
    auto tx = store::Transaction::write(*writer_);
    EXPECT_TRUE(tx);
    EXPECT_TRUE(tx->commit());
    auto v = store::data_version(*writer_);
    EXPECT_TRUE(v);
    return v ? v->all : -1;
  }
  std::filesystem::path dir_;
  std::string location_;
  std::unique_ptr<store::Connection> writer_;
};

TEST_F(VersionReaderTest, AReadAfterAWriteSeesIt) {
  http::VersionReader reader(location_);
  asio::io_context io;
  std::vector<std::int64_t> seen;
  asio::co_spawn(
      io,
      [&]() -> asio::awaitable<void> {
        for (int i = 0; i < 3; ++i) {
          const std::int64_t written = write();
          auto v = co_await reader.read();
          EXPECT_TRUE(v) << v.error().message;
          seen.push_back(v ? v->all : -1);
          EXPECT_EQ(seen.back(), written);
        }
      },
      asio::detached);
  io.run();
  ASSERT_EQ(seen.size(), 3u);
  EXPECT_EQ(seen[2], seen[0] + 2);
}

TEST_F(VersionReaderTest, ManyWaitingReadsEachSeeWhatCommittedBeforeThem) {
  http::VersionReader reader(location_);
  // A writer commits without pause; `committed` is the last version it saw committed.
  std::atomic<std::int64_t> committed = write();
  std::atomic<bool> stop = false;
  std::thread writer([&] {
    while (!stop) committed = write();
  });
  asio::io_context io;
  constexpr int kClients = 16, kRounds = 100;
  std::atomic<int> answered = 0, stale = 0;
  const auto asking = std::this_thread::get_id();
  for (int i = 0; i < kClients; ++i)
    asio::co_spawn(
        io,
        [&]() -> asio::awaitable<void> {
          for (int round = 0; round < kRounds; ++round) {
            const std::int64_t floor = committed;
            auto v = co_await reader.read();
            EXPECT_TRUE(v) << v.error().message;
            EXPECT_EQ(std::this_thread::get_id(), asking);  // resumed where it asked
            if (v && v->all < floor) ++stale;
            ++answered;
          }
        },
        asio::detached);
  io.run();
  stop = true;
  writer.join();
  EXPECT_EQ(answered, kClients * kRounds);
  EXPECT_EQ(stale, 0);
}

}  // namespace
}  // namespace kc

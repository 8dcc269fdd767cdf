// The data's version (store::data_version): a write committed through one connection is seen
// by the next read through another, at once; on SQLite the version is reused between writes
// through the change signal beside the file (store/sqlite/change_signal.h), and a write that
// raised no signal is seen once the reuse limit has passed. A write that changes only the
// facilities' register raises `all` and leaves `outside_facilities`, unless a transaction
// nested in it (or around it) may change anything else.
#include <gtest/gtest.h>

#include <filesystem>
#include <thread>

#include "store/db.h"
#include "store/migrate.h"
#include "test_database.h"

namespace kc {
namespace {

class DataVersion : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fresh_test_dir("kc-version",
                          ::testing::UnitTest::GetInstance()->current_test_info()->name());
    location_ = test_database(dir_ / "test.db");
    a_ = open(location_);
    ASSERT_TRUE(store::migrate(*a_));
    // The same file named another way: both must share one signal.
    b_ = open(store::is_postgres(location_) ? location_ : (dir_ / "." / "test.db").string());
  }
  void TearDown() override {
    a_.reset();
    b_.reset();
    std::filesystem::remove_all(dir_);
  }
  static std::unique_ptr<store::Connection> open(const std::string& location) {
    auto db = store::open(location);
    EXPECT_TRUE(db) << db.error().message;
    return db ? std::move(*db) : nullptr;
  }
  using Bump = store::Transaction::Bump;
  static void write(store::Connection& db, Bump bump = Bump::yes) {
    auto tx = store::Transaction::write(db, bump);
    ASSERT_TRUE(tx);
    ASSERT_TRUE(tx->commit());
  }
  // A write of kind `outer` with one of kind `inner` nested in it (a savepoint).
  static void nested(store::Connection& db, Bump outer, Bump inner) {
    auto tx = store::Transaction::write(db, outer);
    ASSERT_TRUE(tx);
    {
      auto in = store::Transaction::write(db, inner);
      ASSERT_TRUE(in);
      ASSERT_TRUE(in->commit());
    }
    ASSERT_TRUE(tx->commit());
  }
  static std::int64_t version(store::Connection& db) { return versions(db).all; }
  static store::DataVersion versions(store::Connection& db) {
    auto v = store::data_version(db);
    EXPECT_TRUE(v) << v.error().message;
    return v ? *v : store::DataVersion{-1, -1};
  }
  std::filesystem::path dir_;
  std::string location_;
  std::unique_ptr<store::Connection> a_, b_;
};

TEST_F(DataVersion, AWriteThroughAnotherConnectionIsSeenByTheNextRead) {
  const auto start = version(*a_);
  for (int i = 1; i <= 3; ++i) {
    write(*b_);
    EXPECT_EQ(version(*a_), start + i);
    EXPECT_EQ(version(*a_), start + i);  // reused: nothing was written since
    EXPECT_EQ(version(*b_), start + i);
  }
  write(*a_);
  EXPECT_EQ(version(*b_), start + 4);
}

TEST_F(DataVersion, AWriteThatRaisedNoSignalIsSeenWithinTheReuseLimit) {
  if (a_->dialect() != "sqlite") GTEST_SKIP() << "PostgreSQL reads the version every time";
  const auto start = version(*a_);
  // As if the writer had died between its commit and raising the signal.
  ASSERT_TRUE(b_->exec("UPDATE data_version SET n = n + 1 WHERE id = 1", {}));
  EXPECT_EQ(version(*a_), start);
  {
    // Inside a transaction the version is always read.
    auto tx = store::Transaction::read(*a_);
    ASSERT_TRUE(tx);
    EXPECT_EQ(version(*a_), start + 1);
  }
  std::this_thread::sleep_for(store::kVersionReuse + std::chrono::milliseconds(50));
  EXPECT_EQ(version(*a_), start + 1);
}

TEST_F(DataVersion, AWriteOfTheFacilitiesOnlyLeavesTheVersionOutsideThem) {
  const auto start = versions(*a_);
  write(*b_, Bump::facilities);
  EXPECT_EQ(versions(*a_), (store::DataVersion{start.all + 1, start.outside_facilities}));
  write(*b_);
  EXPECT_EQ(versions(*a_), (store::DataVersion{start.all + 2, start.outside_facilities + 1}));
  write(*b_, Bump::no);
  EXPECT_EQ(versions(*a_), (store::DataVersion{start.all + 2, start.outside_facilities + 1}));
}

TEST_F(DataVersion, AWriterUnawareOfTheFacilitiesCountRaisesBoth) {
  const auto start = versions(*a_);
  // A process of the release before: it raises `n` and knows nothing of facility_writes.
  ASSERT_TRUE(b_->exec("UPDATE data_version SET n = n + 1 WHERE id = 1", {}));
  auto tx = store::Transaction::read(*a_);  // read, not reused
  ASSERT_TRUE(tx);
  EXPECT_EQ(versions(*a_), (store::DataVersion{start.all + 1, start.outside_facilities + 1}));
}

TEST_F(DataVersion, AnyWriteBeyondTheFacilitiesInOneTransactionRaisesBoth) {
  const auto start = versions(*a_);
  nested(*a_, Bump::facilities, Bump::yes);  // a use case inside a facility's write
  EXPECT_EQ(versions(*a_), (store::DataVersion{start.all + 1, start.outside_facilities + 1}));
  nested(*a_, Bump::yes, Bump::facilities);  // a facility's write inside a larger one
  EXPECT_EQ(versions(*a_), (store::DataVersion{start.all + 2, start.outside_facilities + 2}));
  nested(*a_, Bump::facilities, Bump::facilities);
  EXPECT_EQ(versions(*a_), (store::DataVersion{start.all + 3, start.outside_facilities + 2}));
  // The flag does not outlive its transaction: the next facilities-only write is one again.
  write(*a_, Bump::facilities);
  EXPECT_EQ(versions(*a_), (store::DataVersion{start.all + 4, start.outside_facilities + 2}));
}

}  // namespace
}  // namespace kc

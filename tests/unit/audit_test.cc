// The audit chain: appends link by hash; verify finds an edited or removed row.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <random>

#include "store/audit_repo.h"
#include "store/migrate.h"
#include "test_database.h"

namespace kc::store {
namespace {

// Removes the append-only guard behind the application's back.
std::string unguard(Connection& db, const std::string& what) {
  if (db.dialect() == "postgresql")
    return "ALTER TABLE audit_log DISABLE TRIGGER audit_no_" + what + ";";
  return "DROP TRIGGER audit_no_" + what + ";";
}

class Audit : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ =
        std::filesystem::temp_directory_path() / ("kc-audit-" + std::to_string(::getpid()) + ".db");
    std::filesystem::remove(path_);
    db_ = std::move(open(test_database(path_)).value());
    ASSERT_TRUE(migrate(*db_));
    for (int i = 1; i <= 5; ++i) {
      AuditEntry e;
      e.user_login = "department", e.entity = "projects", e.entity_id = i, e.action = "create";
      e.after_json = "{\"n\":" + std::to_string(i) + "}";
      ASSERT_TRUE(append_audit(*db_, e));
    }
  }
  void TearDown() override {
    db_.reset();
    for (const char* suffix : {"", "-wal", "-shm"})
      std::filesystem::remove(path_.string() + suffix);
  }
  std::filesystem::path path_;
  std::unique_ptr<Connection> db_;
};

TEST_F(Audit, ChainVerifies) {
  auto check = verify_audit(*db_).value();
  EXPECT_EQ(check.rows, 5);
  EXPECT_FALSE(check.first_bad_id);
  auto rows = audit_history(*db_, "projects", 3).value();
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].prev_hash, audit_history(*db_, "projects", 2).value()[0].hash);
}

TEST_F(Audit, TheAppCannotUpdateOrDelete) {
  EXPECT_FALSE(db_->exec("UPDATE audit_log SET reason = 'x' WHERE id = 2", {}));
  EXPECT_FALSE(db_->exec("DELETE FROM audit_log WHERE id = 2", {}));
}

TEST_F(Audit, VerifyNamesTheFirstEditedRow) {
  ASSERT_TRUE(db_->exec_script(unguard(*db_, "update") +
                               " UPDATE audit_log SET after_json = '{}' WHERE id = 3"));
  auto check = verify_audit(*db_).value();
  EXPECT_EQ(check.first_bad_id, 3);
}

TEST_F(Audit, VerifyNoticesARemovedRow) {
  ASSERT_TRUE(db_->exec_script(unguard(*db_, "delete") + " DELETE FROM audit_log WHERE id = 2"));
  auto check = verify_audit(*db_).value();
  EXPECT_EQ(check.first_bad_id, 3);
}

}  // namespace
}  // namespace kc::store

namespace kc::store {
namespace {

// The hashed content is written directly for speed; it must stay byte for byte what the JSON
// library writes, or chains written before would no longer verify.
TEST(AuditContent, MatchesTheJsonLibraryByteForByte) {
  std::mt19937 random(20261129);
  auto text = [&](int length) {
    static const std::vector<std::string> pieces = {"a",
                                                    "Z",
                                                    "0",
                                                    " ",
                                                    "\"",
                                                    "\\",
                                                    "/",
                                                    "\b",
                                                    "\f",
                                                    "\n",
                                                    "\r",
                                                    "\t",
                                                    std::string(1, '\0'),
                                                    "\x01",
                                                    "\x1f",
                                                    "\x7f",
                                                    "đ",
                                                    "ề",
                                                    "án",
                                                    "€",
                                                    "😀",
                                                    "{\"k\":[1,2]}",
                                                    "\u200b"};
    std::string s;
    for (int i = 0; i < length; ++i) s += pieces[random() % pieces.size()];
    return s;
  };
  for (int round = 0; round < 2000; ++round) {
    AuditEntry e{static_cast<std::int64_t>(random() % 100000),
                 text(3),
                 round % 7,
                 text(4),
                 text(2),
                 static_cast<std::int64_t>(random()),
                 text(2),
                 text(round % 30),
                 text(round % 50),
                 text(5),
                 "",
                 "",
                 ""};
    auto expected =
        nlohmann::json::array({e.id, e.at, e.user_id, e.user_login, e.entity, e.entity_id, e.action,
                               e.before_json, e.after_json, e.reason})
            .dump();
    ASSERT_EQ(audit_content(e), expected) << "round " << round;
  }
}

// A row whose text is not valid UTF-8 cannot be written as JSON, as before.
TEST(AuditContent, RefusesInvalidUtf8LikeTheLibrary) {
  AuditEntry e;
  e.after_json = "\xff";
  EXPECT_THROW(audit_content(e), nlohmann::json::exception);
}

}  // namespace
}  // namespace kc::store

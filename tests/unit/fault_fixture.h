#pragma once
// The fault-injection fixture: a real database, a FaultyConnection over it, a small register
// (program, organization, facility, project, user), and each_fault(), which runs a use case
// with a failure at each of its statements in turn and checks that nothing is left behind.
#include <gtest/gtest.h>

#include <filesystem>
#include <functional>

#include "app/accounts.h"
#include "app/projects.h"
#include "app/register.h"
#include "faulty_connection.h"
#include "store/audit_repo.h"
#include "store/copy.h"
#include "store/migrate.h"
#include "test_database.h"

namespace kc {

inline const app::Actor kSystem = app::Actor::system("test");

class Faults : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ =
        fresh_test_dir("kc-fault", ::testing::UnitTest::GetInstance()->current_test_info()->name());
    auto db = store::open(test_database(dir_ / "f.db"));
    ASSERT_TRUE(db);
    real_ = std::move(*db);
    ASSERT_TRUE(store::migrate(*real_));
    faulty_ = std::make_unique<FaultyConnection>(*real_);
  }
  void TearDown() override {
    faulty_.reset();
    real_.reset();
    std::filesystem::remove_all(dir_);
  }

  void fixture() {
    program_ = app::create_program(*real_, kSystem,
                                   {0, "KCQG-2018", "KCQG", std::nullopt, 2018, "Kế hoạch 2018",
                                    120'000'000'000, 0})
                   .value();
    Organization o;
    o.name = "Trung tâm Khuyến công tỉnh Đồng Nai", o.kind = "provincial_center",
    o.province = {"2008", "75"};
    org_ = app::create_organization(*real_, kSystem, o).value();
    Facility f;
    f.name = "Hộ kinh doanh Bình An", f.kind = "household_business", f.province = {"2008", "75"};
    facility_ = app::create_facility(*real_, kSystem, f).value();
    project_ = app::create_project(*real_, kSystem, project("P-1")).value();
    user_ = app::create_user(*real_, kSystem,
                             {"chuyenvien", "Chuyên viên", "department", std::nullopt, 0, false, 0},
                             "a-long-password")
                .value();
  }

  void planned();

  Project project(const std::string& code) {
    Project p;
    p.code = code, p.title = "Hỗ trợ ứng dụng máy móc chế biến hạt điều", p.year = 2018;
    p.program_id = program_.id, p.content_code = "ND45-03", p.provinces = {{"2008", "75"}};
    p.implementing_org_id = org_.id, p.beneficiary_ids = {facility_.id};
    p.requested_vnd = 300'000'000, p.counterpart_vnd = 300'000'000, p.total_vnd = 600'000'000;
    // Under TT 28/2018 (from 15/05/2018), whose machinery ceiling (50 %, 300 million per
    // facility) the request meets: the submission's ceiling check lets it through.
    p.start = {2018, 6, 1}, p.end = {2018, 11, 30};
    p.outputs = {{"facility_tech_machinery", 1}};
    return p;
  }

  // Runs `use_case` with a fault at statement 1, 2, ... (or at the statements in `only`)
  // until a run goes through untouched, which must succeed. Returns the statement count.
  int each_fault(const std::string& name, const std::function<bool(store::Connection&)>& use_case,
                 std::vector<int> only = {}) {
    auto before = store::checksums(*real_);
    EXPECT_TRUE(before);
    int k = 0;
    for (size_t i = 0;; ++i) {
      k = only.empty() ? k + 1 : (i < only.size() ? only[i] : 0);
      faulty_->fail_at(k);
      bool ok = use_case(*faulty_);
      if (!faulty_->injected()) {
        EXPECT_TRUE(ok) << name << ": the run without a fault failed";
        return faulty_->count();
      }
      EXPECT_FALSE(ok) << name << ": succeeded despite a fault at statement " << k;
      auto after = store::checksums(*real_);
      EXPECT_TRUE(after && *after == *before)
          << name << ": a fault at statement " << k << " left something behind";
      auto chain = store::verify_audit(*real_);
      EXPECT_TRUE(chain && !chain->first_bad_id) << name << ": audit chain after fault " << k;
      // The connection is not stuck inside a transaction.
      EXPECT_TRUE(real_->begin_write()) << name << ": connection unusable after fault " << k;
      EXPECT_TRUE(real_->rollback());
      if (::testing::Test::HasFailure()) return k;
    }
  }

  std::filesystem::path dir_;
  std::unique_ptr<store::Connection> real_;
  std::unique_ptr<FaultyConnection> faulty_;
  Program program_;
  Organization org_;
  Facility facility_;
  Project project_;
  User user_;
};

}  // namespace kc

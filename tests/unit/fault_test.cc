// Every write use case, with a failure injected at each of its statements in turn (BEGIN,
// every query, COMMIT): the use case reports an error, the database's checksums are what they
// were, the audit chain verifies, and the connection is usable for the next request.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <functional>
#include <random>

#include "app/accounts.h"
#include "app/appraisal.h"
#include "app/contracts.h"
#include "app/demo.h"
#include "app/execution_records.h"
#include "app/imports.h"
#include "app/plan_decisions.h"
#include "app/plan_scenarios.h"
#include "app/projects.h"
#include "app/register.h"
#include "app/scoring.h"
#include "app/workflow.h"
#include "faulty_connection.h"
#include "store/audit_repo.h"
#include "store/contract_repo.h"
#include "store/copy.h"
#include "store/decision_repo.h"
#include "store/migrate.h"
#include "test_database.h"

namespace kc {
namespace {

const app::Actor kSystem = app::Actor::system("test");

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
    p.start = {2018, 4, 1}, p.end = {2018, 11, 30};
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

TEST_F(Faults, EveryRegisterWriteIsAllOrNothing) {
  fixture();
  const auto& a = kSystem;
  each_fault("create_program", [&](store::Connection& db) {
    return app::create_program(db, a, {0, "KCQG-2019", "KCQG", std::nullopt, 2019, "2019", 1, 0})
        .has_value();
  });
  each_fault("update_program", [&](store::Connection& db) {
    Program p = app::get_program(*real_, a, program_.id).value();
    p.name = "Kế hoạch khuyến công quốc gia năm 2018";
    return app::update_program(db, a, p).has_value();
  });
  each_fault("create_organization", [&](store::Connection& db) {
    Organization o = org_;
    o.name = "Sở Công Thương tỉnh Đồng Nai", o.kind = "department";
    return app::create_organization(db, a, o).has_value();
  });
  each_fault("update_organization", [&](store::Connection& db) {
    Organization o = app::get_organization(*real_, a, org_.id).value();
    o.address = "Biên Hòa";
    return app::update_organization(db, a, o).has_value();
  });
  each_fault("create_facility", [&](store::Connection& db) {
    Facility f = facility_;
    f.name = "Hợp tác xã Tân Phú";
    return app::create_facility(db, a, f).has_value();
  });
  each_fault("update_facility", [&](store::Connection& db) {
    Facility f = app::get_facility(*real_, a, facility_.id).value();
    f.employees = 12;
    return app::update_facility(db, a, f).has_value();
  });
}

TEST_F(Faults, EveryProjectWriteIsAllOrNothing) {
  fixture();
  const auto& a = kSystem;
  each_fault("create_project", [&](store::Connection& db) {
    return app::create_project(db, a, project("P-2")).has_value();
  });
  each_fault("update_project", [&](store::Connection& db) {
    Project p = app::get_project(*real_, a, project_.id).value();
    p.title = "Tên mới", p.priority_flags = {"women_owned"};
    return app::update_project(db, a, p).has_value();
  });
  each_fault("cancel_project", [&](store::Connection& db) {
    auto p = app::get_project(*real_, a, project_.id).value();
    return app::cancel_project(db, a, p.id, p.version, "trùng lặp").has_value();
  });
  io::Table t;
  for (const auto& c : app::columns_of(app::ImportKind::projects)) t.header.push_back(c.name);
  for (const char* code : {"I-1", "I-2"}) {
    std::vector<std::string> row(t.header.size());
    auto set = [&](const char* col, std::string v) { row[*t.column(col)] = std::move(v); };
    set("code", code), set("title", "Nhập từ tệp"), set("year", "2018");
    set("program_code", "KCQG-2018"), set("content_code", "ND45-03"), set("provinces", "2008:75");
    set("implementing_org_id", std::to_string(org_.id)), set("requested_vnd", "1.000.000");
    set("start", "01/04/2018"), set("end", "2018-10-01");
    t.rows.push_back(row);
  }
  each_fault("import projects", [&](store::Connection& db) {
    return app::import_table(db, a, app::ImportKind::projects, t).has_value();
  });
  for (auto [kind, name] : {std::pair{app::ImportKind::organizations, "Sở Công Thương Đồng Nai"},
                            std::pair{app::ImportKind::facilities, "Hợp tác xã gốm Biên Hòa"}}) {
    io::Table places;
    for (const auto& c : app::columns_of(kind)) places.header.push_back(c.name);
    std::vector<std::string> row(places.header.size());
    row[*places.column("name")] = name;
    row[*places.column("kind")] =
        kind == app::ImportKind::organizations ? "department" : "cooperative";
    row[*places.column("province_set")] = "2008", row[*places.column("province_code")] = "75";
    places.rows = {row, row};
    each_fault(std::string("import ") + name, [&](store::Connection& db) {
      return app::import_table(db, a, kind, places).has_value();
    });
  }
}

TEST_F(Faults, EveryAccountWriteIsAllOrNothing) {
  fixture();
  const auto& a = kSystem;
  each_fault("create_user", [&](store::Connection& db) {
    return app::create_user(
               db, a,
               {"tinh-75", "Sở Đồng Nai", "province", ProvinceRef{"2008", "75"}, 0, false, 0},
               "another-long-password")
        .has_value();
  });
  each_fault("update_user", [&](store::Connection& db) {
    auto u = app::find_user(*real_, "chuyenvien").value();
    return app::update_user(
               db, a, u.id,
               {u.login, "Chuyên viên chính", u.role, std::nullopt, 0, false, u.version})
        .has_value();
  });
  each_fault("set_user_password", [&](store::Connection& db) {
    return app::set_user_password(db, a, user_.id, "yet-another-password").has_value();
  });
  each_fault("change_own_password", [&](store::Connection& db) {
    app::Actor me{app::Role::department, user_.id, "chuyenvien", {}, 0};
    return app::change_own_password(db, me, "yet-another-password", "my-own-new-password")
        .has_value();
  });
  each_fault("login", [&](store::Connection& db) {
    return app::login(db, "chuyenvien", "my-own-new-password", {}, {}, 1'900'000'000).has_value();
  });
  auto session = app::login(*real_, "chuyenvien", "my-own-new-password", {}, {}, 1'900'000'000);
  ASSERT_TRUE(session);
  each_fault("logout",
             [&](store::Connection& db) { return app::logout(db, session->token).has_value(); });
  each_fault("failed login (throttle)", [&](store::Connection& db) {
    // A failed login is a successful write of the throttle row: its "success" is the 401.
    auto r = app::login(db, "chuyenvien", "wrong", {}, {}, 1'900'000'000);
    return !r && r.error().kind == ErrorKind::unauthenticated;
  });
}

TEST_F(Faults, TheFirstAdministratorIsAllOrNothing) {
  each_fault("ensure_first_admin", [&](store::Connection& db) {
    auto r = app::ensure_first_admin(db);
    return r.has_value() && r->has_value();
  });
}

TEST_F(Faults, TheDemoAccountsAreAllOrNothing) {
  fixture();  // an organization for unit-1
  // Eight password hashes a run: faults at a sample of the statements, the last account's
  // among them.
  int n = each_fault(
      "create_demo_accounts",
      [&](store::Connection& db) { return app::create_demo_accounts(db, kSystem).has_value(); },
      {1, 4, 30});
  EXPECT_GT(n, 30);
}

TEST_F(Faults, EveryAppraisalWriteIsAllOrNothing) {
  fixture();
  const auto& a = kSystem;
  auto step = [&](store::Connection& db, const char* action) {
    auto p = app::get_project(*real_, a, project_.id).value();
    return app::transition_project(db, a, {p.id, p.version, action, "", Date{2017, 5, 1}})
        .has_value();
  };
  Round r;
  r.program_id = program_.id, r.year = 2018;
  each_fault("create_round",
             [&](store::Connection& db) { return app::create_round(db, a, r).has_value(); });
  auto round = app::list_rounds(*real_, a, program_.id, 2018).value().front();
  each_fault("transition (submit)", [&](store::Connection& db) { return step(db, "submit"); });
  for (auto action : {"start_province_appraisal", "forward", "start_ministry_appraisal"})
    ASSERT_TRUE(step(*real_, action)) << action;
  std::vector<User> members;
  for (auto login : {"thamdinh1", "thamdinh2"})
    members.push_back(
        app::create_user(*real_, a,
                         {login, "Thẩm định viên", "appraiser", std::nullopt, 0, false, 0},
                         "a-long-password")
            .value());
  Council c;
  c.round_id = round.id, c.level = "ministry", c.name = "Hội đồng";
  c.members = {{members[0].id, "chair", {}}, {members[1].id, "member", {}}};
  each_fault("create_council",
             [&](store::Connection& db) { return app::create_council(db, a, c).has_value(); });
  auto council = app::list_councils(*real_, a, round.id).value().front();
  each_fault("assign_projects", [&](store::Connection& db) {
    return app::assign_projects(db, a, council.id, {project_.id}, {}).has_value();
  });
  app::Actor first{app::Role::appraiser, members[0].id, "thamdinh1", {}, 0};
  app::Actor second{app::Role::appraiser, members[1].id, "thamdinh2", {}, 0};
  ScoreSheet sheet{council.id, project_.id, members[0].id, false, {}, {}};
  for (const auto& k : round.criteria) sheet.lines.push_back({k.code, k.max_points, "Tốt"});
  each_fault("save_sheet",
             [&](store::Connection& db) { return app::save_sheet(db, first, sheet).has_value(); });
  each_fault("declare_conflict", [&](store::Connection& db) {
    return app::declare_conflict(db, second, council.id, project_.id, "Người nhà").has_value();
  });
  each_fault("conclude (passes the proposal)", [&](store::Connection& db) {
    return app::conclude(db, a, council.id, project_.id, "pass", "").has_value();
  });
  EXPECT_EQ(app::get_project(*real_, a, project_.id).value().status, "passed");
  // The plan: a saved scenario, then its approval as a decision (the proposal becomes
  // approved, the decision and its items are written, the books checked) — all or nothing.
  nlohmann::json scenario = {{"name", "Phương án"}, {"program", program_.code}};
  each_fault("save_scenario", [&](store::Connection& db) {
    return app::save_scenario(db, a, scenario).has_value();
  });
  auto saved = app::list_saved_scenarios(*real_, a, program_.code).value()["items"][0];
  app::DecisionInput in{saved["id"].get<std::int64_t>(), "1/QĐ-BCT", "Thứ trưởng",
                        Date{2018, 1, 15}, 1};
  each_fault("approve_scenario",
             [&](store::Connection& db) { return app::approve_scenario(db, a, in).has_value(); });
  EXPECT_EQ(app::get_project(*real_, a, project_.id).value().status, "approved");
}

// The proposal through both appraisals into a decided plan, without faults.
void Faults::planned() {
  const auto& a = kSystem;
  auto step = [&](const char* action) {
    auto p = app::get_project(*real_, a, project_.id).value();
    return app::transition_project(*real_, a, {p.id, p.version, action, "", Date{2017, 5, 1}})
        .has_value();
  };
  Round r;
  r.program_id = program_.id, r.year = 2018;
  ASSERT_TRUE(app::create_round(*real_, a, r));
  for (auto action : {"submit", "start_province_appraisal", "forward", "start_ministry_appraisal"})
    ASSERT_TRUE(step(action)) << action;
  auto round = app::list_rounds(*real_, a, program_.id, 2018).value().front();
  auto member =
      app::create_user(*real_, a,
                       {"thamdinh", "Thẩm định viên", "appraiser", std::nullopt, 0, false, 0},
                       "a-long-password")
          .value();
  Council c;
  c.round_id = round.id, c.level = "ministry", c.name = "Hội đồng";
  c.members = {{member.id, "chair", {}}};
  ASSERT_TRUE(app::create_council(*real_, a, c));
  auto council = app::list_councils(*real_, a, round.id).value().front();
  ASSERT_TRUE(app::assign_projects(*real_, a, council.id, {project_.id}, {}));
  ScoreSheet sheet{council.id, project_.id, member.id, false, {}, {}};
  for (const auto& k : round.criteria) sheet.lines.push_back({k.code, k.max_points, "Tốt"});
  ASSERT_TRUE(app::save_sheet(*real_, {app::Role::appraiser, member.id, "thamdinh", {}, 0}, sheet));
  ASSERT_TRUE(app::conclude(*real_, a, council.id, project_.id, "pass", ""));
  nlohmann::json scenario = {{"name", "Phương án"}, {"program", program_.code}};
  ASSERT_TRUE(app::save_scenario(*real_, a, scenario));
  auto saved = app::list_saved_scenarios(*real_, a, program_.code).value()["items"][0];
  ASSERT_TRUE(app::approve_scenario(
      *real_, a,
      {saved["id"].get<std::int64_t>(), "1/QĐ-BCT", "Thứ trưởng", Date{2018, 1, 15}, 1}));
}

TEST_F(Faults, EveryExecutionWriteIsAllOrNothing) {
  fixture();
  ASSERT_NO_FATAL_FAILURE(planned());
  const auto& a = kSystem;
  auto decision = store::list_decisions(*real_, program_.id).value().front().id;
  each_fault("draft_decision_contracts", [&](store::Connection& db) {
    return app::draft_decision_contracts(db, a, decision).has_value();
  });
  auto c = store::project_contracts(*real_, project_.id).value().front();
  auto version = [&] { return store::get_contract(*real_, c.id).value().version; };
  each_fault("sign_contract", [&](store::Connection& db) {
    nlohmann::json body = {{"version", version()}, {"signed_on", "2018-02-01"}};
    return app::sign_contract(db, a, c.id, body).has_value();
  });
  auto pay = [&](const char* kind, Vnd amount) {
    return [&, kind, amount](store::Connection& db) {
      nlohmann::json body = {
          {"contract_id", c.id}, {"kind", kind}, {"amount_vnd", amount}, {"paid_on", "2018-03-01"}};
      return app::record_payment(db, a, body).has_value();
    };
  };
  each_fault("record_payment (advance)", pay("advance", c.value * c.advance_bp / 10'000));
  each_fault("file_progress_report", [&](store::Connection& db) {
    nlohmann::json body = {{"contract_id", c.id},
                           {"period_end", "2018-06-30"},
                           {"progress_pct", 60},
                           {"spent_vnd", 1'000'000}};
    return app::file_progress_report(db, a, body).has_value();
  });
  each_fault("accept_contract", [&](store::Connection& db) {
    nlohmann::json body = {{"contract_id", c.id},         {"number", "1/BB-NT"},
                           {"accepted_on", "2018-12-01"}, {"verdict", "passed"},
                           {"accepted_vnd", c.value},     {"outputs", nlohmann::json::array()}};
    return app::accept_contract(db, a, body).has_value();
  });
  each_fault("record_payment (final)", pay("payment", c.value - c.value * c.advance_bp / 10'000));
  each_fault("settle_contract", [&](store::Connection& db) {
    nlohmann::json body = {
        {"version", version()}, {"settled_on", "2018-12-20"}, {"counterpart_paid_vnd", 0}};
    return app::settle_contract(db, a, c.id, body).has_value();
  });
  EXPECT_EQ(app::get_project(*real_, a, project_.id).value().status, "completed");
}

// A random sequence of payments, reports, acceptance, settlement and termination (fixed seed):
// after every operation, refused or not, the ledger reconciles with the contract and the
// project's status follows the contract's; a refused operation changes nothing.
TEST_F(Faults, TheLedgerReconcilesAfterEveryOperation) {
  fixture();
  ASSERT_NO_FATAL_FAILURE(planned());
  const auto& a = kSystem;
  auto decision = store::list_decisions(*real_, program_.id).value().front().id;
  auto drafted = app::draft_decision_contracts(*real_, a, decision);
  ASSERT_TRUE(drafted);
  ASSERT_EQ((*drafted)["created"], 1) << drafted->dump();
  auto c = store::project_contracts(*real_, project_.id).value().front();
  ASSERT_TRUE(app::sign_contract(*real_, a, c.id, {{"version", 1}, {"signed_on", "2018-02-01"}}));
  std::mt19937_64 rng(20181231);
  auto pick = [&](std::int64_t lo, std::int64_t hi) {
    return std::uniform_int_distribution<std::int64_t>(lo, hi)(rng);
  };
  int refused = 0, done = 0;
  for (int i = 0; i < 300; ++i) {
    auto now = store::get_contract(*real_, c.id).value();
    auto before = store::checksums(*real_).value();
    Result<nlohmann::json> r = std::unexpected(Error::internal("no operation"));
    const std::string day = "2018-0" + std::to_string(3 + i % 6) + "-1" + std::to_string(i % 10);
    switch (pick(0, 9)) {
      case 0:
      case 1:
      case 2: {
        static const char* kKinds[] = {"advance", "payment", "recovery"};
        nlohmann::json body = {{"contract_id", c.id},
                               {"kind", kKinds[pick(0, 2)]},
                               {"amount_vnd", pick(1, c.value / 2)},
                               {"paid_on", day}};
        r = app::record_payment(*real_, a, body);
        break;
      }
      case 3:
      case 4:
        r = app::file_progress_report(*real_, a,
                                      {{"contract_id", c.id},
                                       {"period_end", day},
                                       {"progress_pct", pick(0, 100)},
                                       {"spent_vnd", 0}});
        break;
      case 5:
      case 6:
        r = app::accept_contract(*real_, a,
                                 {{"contract_id", c.id},
                                  {"number", std::to_string(i) + "/BB-NT"},
                                  {"accepted_on", day},
                                  {"verdict", "passed"},
                                  {"accepted_vnd", pick(c.value / 2, c.value + 10)}});
        break;
      case 7:
      case 8:
        r = app::settle_contract(
            *real_, a, c.id,
            {{"version", now.version}, {"settled_on", day}, {"counterpart_paid_vnd", 0}});
        break;
      default:
        if (pick(0, 20) == 0)
          r = app::terminate_contract(*real_, a, c.id, {{"version", now.version}, {"reason", "x"}});
    }
    (r ? done : refused) += 1;
    if (!r) EXPECT_EQ(store::checksums(*real_).value(), before) << "operation " << i;
    auto after = store::get_contract(*real_, c.id).value();
    auto l = store::contract_ledger(*real_, c.id).value();
    auto acc = store::contract_acceptance(*real_, c.id).value();
    EXPECT_GE(l.net(), 0) << i;
    EXPECT_LE(l.net(), after.value) << i;
    EXPECT_LE(l.advanced * 10'000, after.value * after.advance_bp) << i;
    if (after.status == "settled") EXPECT_EQ(l.net(), acc->accepted) << i;
    if (acc) EXPECT_LE(acc->accepted, after.value) << i;
    auto follows = project_status_for(after.status);
    EXPECT_EQ(app::get_project(*real_, a, project_.id).value().status,
              follows ? std::string(*follows) : "approved")
        << i << " " << after.status;
    if (::testing::Test::HasFailure()) break;
  }
  EXPECT_GT(done, 10);
  EXPECT_GT(refused, 10);
  auto chain = store::verify_audit(*real_);
  EXPECT_TRUE(chain && !chain->first_bad_id);
}

TEST_F(Faults, TheDemoIsAllOrNothing) {
  // Thousands of statements: faults at a sample of them, the first and the COMMIT included.
  int n = each_fault("build_demo (counting)",
                     [&](store::Connection& db) { return app::build_demo(db).has_value(); },
                     {1, 2, 3, 50, 999, 5000});
  EXPECT_GT(n, 5000);
}

}  // namespace
}  // namespace kc

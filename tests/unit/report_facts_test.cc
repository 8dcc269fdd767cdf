// The reports' facts held in memory (store/report_facts.h) against the SQL they stand in for,
// on the demo data, and the cache that keeps them consistent with the database
// (app/report_cache.h).
#include <gtest/gtest.h>

#include <filesystem>
#include <functional>
#include <thread>

#include "app/demo.h"
#include "app/report_cache.h"
#include "store/execution_query.h"
#include "store/migrate.h"
#include "store/report_facts.h"
#include "store/report_query.h"
#include "test_database.h"

namespace kc {
namespace {

class ReportFacts : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = fresh_test_dir("kc-facts", "suite");
    auto db = store::open(test_database(dir_ / "demo.db"));
    ASSERT_TRUE(db) << db.error().message;
    db_ = std::move(*db).release();
    ASSERT_TRUE(store::migrate(*db_));
    ASSERT_TRUE(app::build_demo(*db_));
  }
  static void TearDownTestSuite() {
    delete db_;
    db_ = nullptr;
    std::filesystem::remove_all(dir_);
  }
  // A code or id the demo uses, read from the records.
  static std::string text(const std::string& sql) {
    auto rows = db_->query(sql, {});
    EXPECT_TRUE(rows && !rows->empty()) << sql;
    return rows && !rows->empty() ? rows->front().str(0) : "";
  }
  static inline std::filesystem::path dir_;
  static inline store::Connection* db_ = nullptr;
};

void expect_same(const store::Completion& sql, const store::Completion& mem,
                 const std::string& what) {
  SCOPED_TRACE(what);
  auto row = [](const store::CompletionRow& r) { return std::pair{r.count, r.amount}; };
  EXPECT_EQ(row(sql.planned), row(mem.planned));
  EXPECT_EQ(row(sql.contracted), row(mem.contracted));
  EXPECT_EQ(row(sql.accepted), row(mem.accepted));
  EXPECT_EQ(row(sql.settled), row(mem.settled));
  EXPECT_EQ(row(sql.cancelled), row(mem.cancelled));
  EXPECT_EQ(sql.disbursed, mem.disbursed);
  EXPECT_EQ(sql.released, mem.released);
  ASSERT_EQ(sql.outputs.size(), mem.outputs.size());
  for (std::size_t i = 0; i < sql.outputs.size(); ++i) {
    EXPECT_EQ(sql.outputs[i].indicator, mem.outputs[i].indicator);
    EXPECT_EQ(sql.outputs[i].expected, mem.outputs[i].expected) << sql.outputs[i].indicator;
    EXPECT_EQ(sql.outputs[i].actual, mem.outputs[i].actual) << sql.outputs[i].indicator;
  }
}

TEST_F(ReportFacts, AnswerEveryReportQueryAsTheSqlDoes) {
  auto facts = store::load_report_facts(*db_);
  ASSERT_TRUE(facts) << facts.error().message;
  EXPECT_EQ(facts->version, store::data_version(*db_).value().all);
  EXPECT_EQ(static_cast<std::int64_t>(facts->projects.size()),
            db_->scalar("SELECT COUNT(*) FROM projects", {}).value());

  std::vector<std::pair<std::string, ListQuery>> queries;
  auto add = [&](std::string name, std::function<void(ListQuery&)> set) {
    ListQuery q;
    set(q);
    queries.emplace_back(std::move(name), q);
  };
  add("everything", [](ListQuery&) {});
  add("2018", [](ListQuery& q) { q.year = 2018; });
  add("2019", [](ListQuery& q) { q.year = 2019; });
  add("program", [](ListQuery& q) { q.program_code = "KCQG-2018"; });
  add("program id", [&](ListQuery& q) {
    q.program_id = std::stoll(text("SELECT id FROM programs WHERE code = 'KCQG-2018'"));
  });
  add("unknown program", [](ListQuery& q) { q.program_code = "KCQG-1999"; });
  add("level", [](ListQuery& q) { q.year = 2018, q.level = "KCQG"; });
  add("local level", [](ListQuery& q) { q.level = "KCDP"; });
  add("content", [&](ListQuery& q) {
    q.year = 2018, q.content = text("SELECT content_code FROM projects ORDER BY id LIMIT 1");
  });
  add("kind", [](ListQuery& q) { q.year = 2018, q.kind = "group"; });
  add("unknown content", [](ListQuery& q) { q.content = "ND99-99"; });
  add("province 2025", [&](ListQuery& q) {
    q.year = 2018, q.province = text("SELECT province_2025 FROM project_provinces LIMIT 1");
  });
  add("province 2008", [&](ListQuery& q) {
    q.province_set = "2008";
    q.province = text(
        "SELECT province_code FROM project_provinces WHERE province_set = '2008' ORDER BY "
        "project_id DESC LIMIT 1");
  });
  add("region", [&](ListQuery& q) {
    q.year = 2018, q.region = text("SELECT region_code FROM project_provinces LIMIT 1");
  });
  add("a province's scope", [&](ListQuery& q) {
    q.year = 2018,
    q.scope_province = text(
        "SELECT province_2025 FROM project_provinces GROUP BY province_2025 ORDER BY COUNT(*) "
        "DESC LIMIT 1");
  });
  add("a unit's scope", [&](ListQuery& q) {
    q.scope_org = std::stoll(text(
        "SELECT implementing_org_id FROM projects WHERE implementing_org_id IS NOT NULL GROUP BY "
        "implementing_org_id ORDER BY COUNT(*) DESC LIMIT 1"));
  });
  add("no scope", [](ListQuery& q) { q.year = 2018, q.scope_none = true; });
  add("status is ignored", [](ListQuery& q) { q.year = 2018, q.status = "accepted"; });

  for (const auto& [name, q] : queries) {
    ASSERT_TRUE(store::covers(q)) << name;
    auto sql = store::completion(*db_, q);
    ASSERT_TRUE(sql) << sql.error().message;
    expect_same(*sql, store::completion(*facts, q), name);
    for (auto by : {store::PlanDimension::content, store::PlanDimension::kind,
                    store::PlanDimension::region, store::PlanDimension::province}) {
      auto groups = store::plan_breakdown(*db_, q, by);
      ASSERT_TRUE(groups);
      auto mem = store::plan_breakdown(*facts, q, by);
      ASSERT_EQ(groups->size(), mem.size()) << name;
      for (std::size_t i = 0; i < mem.size(); ++i) {
        EXPECT_EQ((*groups)[i].key, mem[i].key) << name;
        EXPECT_EQ((*groups)[i].projects, mem[i].projects) << name << " " << mem[i].key;
        EXPECT_EQ((*groups)[i].plan_vnd, mem[i].plan_vnd) << name << " " << mem[i].key;
        EXPECT_EQ((*groups)[i].counterpart_vnd, mem[i].counterpart_vnd) << name;
      }
    }
  }
  // Not vacuous: the demo's 2018 has a plan, contracts, acceptances and outputs.
  ListQuery y2018;
  y2018.year = 2018;
  auto c = store::completion(*facts, y2018);
  EXPECT_GT(c.planned.count, 200);
  EXPECT_GT(c.contracted.count, 200);
  EXPECT_GT(c.accepted.amount, 0);
  EXPECT_GT(c.disbursed, 0);
  EXPECT_FALSE(c.outputs.empty());
}

TEST_F(ReportFacts, LeaveToSqlWhatNeedsTheDatabase) {
  ListQuery q;
  q.q = "dieu";
  EXPECT_FALSE(store::covers(q));
  q = {}, q.id = 1;
  EXPECT_FALSE(store::covers(q));
  q = {}, q.scope_assignee = 7;
  EXPECT_FALSE(store::covers(q));
  q = {}, q.area = "BAC";
  EXPECT_FALSE(store::covers(q));
}

// A write raises the data's version; the cache's next reader sees it.
void write_something(store::Connection& db) {
  auto tx = store::Transaction::write(db);
  ASSERT_TRUE(tx);
  ASSERT_TRUE(
      db.exec("UPDATE projects SET counterpart_vnd = counterpart_vnd + 1 WHERE id = "
              "(SELECT MIN(id) FROM projects)",
              {}));
  ASSERT_TRUE(tx->commit());
}

// Background work held until the test runs it.
struct Held {
  std::vector<std::function<void(store::Connection&)>> queued;
  app::Background runner() {
    return
        [this](std::function<void(store::Connection&)> work) { queued.push_back(std::move(work)); };
  }
  void run_the_one(store::Connection& db) {
    ASSERT_EQ(queued.size(), 1u);
    queued.front()(db);
    queued.clear();
  }
};

TEST_F(ReportFacts, TheCacheFollowsTheDataVersion) {
  Held held;
  auto& queued = held.queued;
  app::ReportCache cache(held.runner());
  EXPECT_EQ(cache.facts(*db_), nullptr);  // nothing loaded: the reports use SQL meanwhile
  ASSERT_EQ(queued.size(), 1u);
  EXPECT_EQ(cache.facts(*db_), nullptr);  // one load at a time
  held.run_the_one(*db_);
  auto first = cache.facts(*db_);
  ASSERT_NE(first, nullptr);
  EXPECT_EQ(first->version, store::data_version(*db_).value().all);
  EXPECT_EQ(cache.facts(*db_), first);  // unchanged data: the same facts

  // Quick loads (the demo's): a reader after a write gets new facts at once.
  write_something(*db_);
  auto second = cache.facts(*db_);
  ASSERT_NE(second, nullptr);
  EXPECT_GT(second->version, first->version);
  EXPECT_EQ(second->version, store::data_version(*db_).value().all);
  EXPECT_TRUE(queued.empty());
}

TEST_F(ReportFacts, SlowLoadsServeTheLastFactsWhileNewOnesLoad) {
  Held held;
  auto& queued = held.queued;
  app::ReportCache cache(held.runner(), std::chrono::milliseconds(0));  // every load is slow
  cache.warm();
  held.run_the_one(*db_);
  auto before = cache.facts(*db_);
  ASSERT_NE(before, nullptr);
  write_something(*db_);
  // The last facts, with their own data_as_of, while a new load waits its turn (no sooner than
  // the last load took) and then runs in the background.
  for (int i = 0; i < 500 && queued.empty(); ++i) {
    EXPECT_EQ(cache.facts(*db_), before);
    if (queued.empty()) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  ASSERT_EQ(queued.size(), 1u);
  EXPECT_EQ(cache.facts(*db_), before);  // one load at a time
  held.run_the_one(*db_);
  auto fresh = cache.facts(*db_);
  ASSERT_NE(fresh, nullptr);
  EXPECT_EQ(fresh->version, store::data_version(*db_).value().all);
  EXPECT_GT(fresh->version, before->version);
}

}  // namespace
}  // namespace kc

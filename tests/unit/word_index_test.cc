// The facilities' search in memory (store/word_index.h, store/facility_index.h), on SQLite and,
// with KC_PG_URL, on PostgreSQL: the same pages and totals as the search in SQL for random
// queries, filters, sorts and pages; every write seen by the next search, from this connection
// or another (another process); a word without a letter, a write transaction and an index not
// yet built left to SQL.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <random>

#include "app/register.h"
#include "domain/text.h"
#include "store/facility_index.h"
#include "store/migrate.h"
#include "store/register_repo.h"
#include "store/word_index.h"
#include "test_database.h"

namespace kc {
namespace {

const app::Actor kSystem = app::Actor::system("test");
const std::vector<std::string> kWords = {"Chế", "biến",  "gỗ",   "Mây",   "tre", "đan", "Bình",
                                         "Hòa", "Thanh", "Hà",   "Nước",  "mắm", "An",  "Phúc",
                                         "Gốm", "sứ",    "Đông", "Khánh", "Nga", "Linh"};
const std::vector<ProvinceRef> kProvinces = {
    {"2008", "01"}, {"2008", "75"}, {"2008", "79"}, {"2025", "01"}, {"2008", "48"}};
const std::vector<std::string> kKinds = {"household_business", "small_enterprise", "cooperative",
                                         "artisan"};

std::vector<std::int64_t> ids_of(const Page<Facility>& p) {
  std::vector<std::int64_t> out;
  for (const auto& f : p.items) out.push_back(f.id);
  return out;
}

class RegisterIndex : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fresh_test_dir("kc-word-index",
                          ::testing::UnitTest::GetInstance()->current_test_info()->name());
    location_ = test_database(dir_ / "test.db");
    auto db = store::open(location_);
    ASSERT_TRUE(db) << db.error().message;
    db_ = std::move(*db);
    ASSERT_TRUE(store::migrate(*db_));
    // The index builds on the calling thread here; the server's builds on its pool.
    index_ = std::make_shared<store::FacilityIndex>(
        [this](std::function<void(store::Connection&)> work) { work(*db_); });
  }
  void TearDown() override {
    db_.reset();
    std::filesystem::remove_all(dir_);
  }
  Facility random_facility(std::mt19937& rng) {
    auto pick = [&](const auto& v) { return v[rng() % v.size()]; };
    Facility f;
    f.name = pick(kWords) + " " + pick(kWords) + " " + pick(kWords);
    if (rng() % 3 == 0) f.name += " " + std::to_string(rng() % 50);
    f.kind = pick(kKinds), f.province = pick(kProvinces);
    f.commune = "xã " + pick(kWords), f.tax_code = std::to_string(1000000000 + rng() % 90000);
    f.employees = static_cast<std::int64_t>(rng() % 40);
    return f;
  }
  void add_random(int n, std::mt19937& rng) {
    for (int i = 0; i < n; ++i) {
      auto made = app::create_facility(*db_, kSystem, random_facility(rng));
      ASSERT_TRUE(made) << made.error().message;
      ids_.push_back(made->id);
    }
  }
  Page<Facility> list(const ListQuery& q) {
    auto page = store::list_facilities(*db_, q);
    EXPECT_TRUE(page) << page.error().message;
    return page ? *page : Page<Facility>{};
  }
  // The same query through SQL (no index) and through the index.
  void expect_same(const ListQuery& q) {
    db_->use_facility_index(nullptr);
    auto plain = list(q);
    db_->use_facility_index(index_);
    auto indexed = list(q);
    SCOPED_TRACE("q=" + q.q + " sort=" + q.sort + (q.descending ? " desc" : "") +
                 " page=" + std::to_string(q.page) + " province=" + q.province + " kind=" + q.kind);
    EXPECT_EQ(indexed.total, plain.total);
    EXPECT_EQ(ids_of(indexed), ids_of(plain));
  }
  std::filesystem::path dir_;
  std::string location_;
  std::unique_ptr<store::Connection> db_;
  std::shared_ptr<store::FacilityIndex> index_;
  std::vector<std::int64_t> ids_;
};

TEST_F(RegisterIndex, RandomQueriesFindWhatTheSearchInSqlFinds) {
  std::mt19937 rng(20261206);
  add_random(400, rng);
  ASSERT_TRUE(index_->build(*db_));
  ASSERT_TRUE(index_->ready());
  const std::vector<std::string> sorts = {"", "name", "kind", "employees"};
  for (int i = 0; i < 300; ++i) {
    ListQuery q;
    // Whole words, fragments of one (the folded text: "bien" in "biến"), one to three of them.
    std::string query;
    for (int w = 0, words = 1 + static_cast<int>(rng() % 3); w < words; ++w) {
      std::string word = fold_for_search(kWords[rng() % kWords.size()]);
      if (rng() % 2 && word.size() > 2) word = word.substr(rng() % 2, 2);
      query += (w ? " " : "") + word;
    }
    q.q = rng() % 5 == 0 ? "XÃ " + query : query;
    q.sort = sorts[rng() % sorts.size()];
    q.descending = rng() % 2;
    q.page_size = 7, q.page = 1 + static_cast<int>(rng() % 3);
    if (rng() % 4 == 0) q.province = kProvinces[rng() % 3].code;
    if (rng() % 5 == 0) q.province_set = "2008";
    if (rng() % 4 == 0) q.kind = kKinds[rng() % kKinds.size()];
    if (rng() % 6 == 0) q.scope_province = "01";
    expect_same(q);
  }
}

TEST_F(RegisterIndex, EveryWriteIsSeenByTheNextSearchFromAnyConnection) {
  std::mt19937 rng(7);
  add_random(50, rng);
  ASSERT_TRUE(index_->build(*db_));
  db_->use_facility_index(index_);
  ListQuery q;
  q.q = "zuong";
  EXPECT_EQ(list(q).total, 0);
  // Another process writes: a connection of its own, which knows no index.
  auto other = store::open(location_);
  ASSERT_TRUE(other);
  Facility f = random_facility(rng);
  f.name = "Xưởng mộc Zương", f.province = {"2008", "79"};
  auto made = app::create_facility(**other, kSystem, f);
  ASSERT_TRUE(made) << made.error().message;
  auto found = list(q);
  ASSERT_EQ(found.total, 1);
  EXPECT_EQ(found.items.at(0).id, made->id);
  // Renamed: the new name is found, the old one no longer.
  made->name = "Xưởng mộc Quỳnh";
  ASSERT_TRUE(app::update_facility(**other, kSystem, *made));
  EXPECT_EQ(list(q).total, 0);
  q.q = "quynh";
  EXPECT_EQ(ids_of(list(q)), std::vector<std::int64_t>{made->id});
  // Moved to another province: a user scoped to the old one no longer finds it.
  q.scope_province = "79";
  EXPECT_EQ(list(q).total, 1);
  auto moved = store::get_facility(**other, made->id);
  ASSERT_TRUE(moved);
  moved->province = {"2025", "01"};
  ASSERT_TRUE(app::update_facility(**other, kSystem, *moved));
  EXPECT_EQ(list(q).total, 0);
  q.scope_province = "01";
  EXPECT_EQ(ids_of(list(q)), std::vector<std::int64_t>{made->id});
  expect_same(q);
}

TEST_F(RegisterIndex, WhatTheIndexCannotAnswerGoesThroughSql) {
  std::mt19937 rng(11);
  add_random(30, rng);
  db_->use_facility_index(index_);
  ListQuery q;
  q.q = "ch";
  // Not built yet: the first search starts the build (here, at once) and is answered by SQL.
  auto before = list(q);
  EXPECT_TRUE(index_->ready());
  expect_same(q);
  EXPECT_EQ(list(q).total, before.total);
  // A tax code's digits: no letter, so SQL.
  q.q = std::to_string(1000000000).substr(0, 4);
  expect_same(q);
  EXPECT_GT(list(q).total, 0);
  // Inside a write transaction the index is not used: it cannot see the transaction's writes.
  auto tx = store::Transaction::write(*db_);
  ASSERT_TRUE(tx);
  EXPECT_EQ(db_->facility_index(), nullptr);
  Facility f = random_facility(rng);
  f.name = "Lò rèn Ypsilon";
  ASSERT_TRUE(app::create_facility(*db_, kSystem, f));
  q.q = "ypsilon";
  EXPECT_EQ(list(q).total, 1);
  ASSERT_TRUE(tx->commit());
  EXPECT_EQ(db_->facility_index(), index_.get());
  EXPECT_EQ(list(q).total, 1);
}

TEST_F(RegisterIndex, TooManyChangesOrAVersionGoneBackBuildItAgain) {
  std::mt19937 rng(5);
  add_random(20, rng);
  ASSERT_TRUE(index_->build(*db_));
  db_->use_facility_index(index_);
  // More changes at once than the index follows (an import): one write of 20,001 facilities.
  {
    auto tx = store::Transaction::write(*db_);
    ASSERT_TRUE(tx);
    auto made = db_->exec(
        "WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < 20001) "
        "INSERT INTO facilities (name, kind, tax_code, province_set, province_code, "
        "province_2025, region_code, commune, address, craft_village, women_owned, "
        "ethnic_minority_workers, industry, employees, search_text, version, created_at, "
        "updated_at) SELECT 'Lò gốm Wong ' || i, kind, tax_code, province_set, province_code, "
        "province_2025, region_code, commune, address, craft_village, women_owned, "
        "ethnic_minority_workers, industry, employees, 'lo gom wong ' || i, 1, created_at, "
        "updated_at FROM k CROSS JOIN (SELECT * FROM facilities ORDER BY id LIMIT 1) f",
        {});
    ASSERT_TRUE(made) << made.error().message;
    ASSERT_EQ(*made, 20001);
    ASSERT_TRUE(tx->commit());
  }
  ListQuery q;
  q.q = "wong";
  list(q);  // answered by SQL while the index is built again (here, at once)
  EXPECT_EQ(index_->size(), 20021u);
  auto page = list(q);
  EXPECT_EQ(page.total, 20001) << "an exact total: through the index";
  EXPECT_FALSE(page.total_is_estimate);
  // The database put back to an earlier version (a restore): built again, then followed.
  ASSERT_TRUE(db_->exec("UPDATE data_version SET n = 1 WHERE id = 1", {}));
  Facility f = random_facility(rng);
  f.name = "Lò gốm Wong Xưa";
  auto made = app::create_facility(*db_, kSystem, f);
  ASSERT_TRUE(made) << made.error().message;
  q.q = "wong xua";
  EXPECT_EQ(ids_of(list(q)), std::vector<std::int64_t>{made->id});
  EXPECT_EQ(index_->size(), 20022u);
  EXPECT_EQ(ids_of(list(q)), std::vector<std::int64_t>{made->id});
}

// The structure alone, against a scan of the records: many changes, a compaction, the ranks.
TEST(WordIndex, ManyChangesAndACompactionKeepEveryAnswer) {
  std::mt19937 rng(3);
  std::map<std::int64_t, store::IndexedFacility> records;
  store::WordIndex index;
  const std::vector<std::string> words = {"an", "binh", "thanh", "hoa", "nga", "go", "tre"};
  auto random_record = [&](std::int64_t id) {
    store::IndexedFacility f;
    f.id = id;
    f.name = "Co so " + words[rng() % words.size()] + " " + words[rng() % words.size()];
    f.search_text = fold_for_search(f.name);
    f.kind = "artisan", f.province_set = "2025", f.province_2025 = "01";
    return f;
  };
  for (std::int64_t id = 1; id <= 3000; ++id) index.put(records[id] = random_record(id));
  index.rank();
  for (int i = 0; i < 12000; ++i) {
    const std::int64_t id = 1 + static_cast<std::int64_t>(rng() % 3000);
    if (rng() % 10 == 0) {
      index.remove(id), records.erase(id);
    } else {
      index.put(records[id] = random_record(id));
    }
    index.tidy();
  }
  EXPECT_EQ(index.size(), records.size());
  for (const auto& w : words) {
    ListQuery q;
    q.q = w + " so", q.page_size = 20, q.descending = w.size() % 2;
    std::vector<std::pair<std::string, std::int64_t>> expected;
    for (const auto& [id, f] : records)
      if (f.search_text.find(w) != std::string::npos) expected.emplace_back(f.name, id);
    std::sort(expected.begin(), expected.end());
    if (q.descending) std::reverse(expected.begin(), expected.end());
    auto page = index.search(q, {w, "so"});
    ASSERT_TRUE(page);
    EXPECT_EQ(page->total, std::ssize(expected)) << w;
    std::vector<std::int64_t> want;
    for (std::size_t i = 0; i < std::min<std::size_t>(20, expected.size()); ++i)
      want.push_back(expected[i].second);
    EXPECT_EQ(page->ids, want) << w;
  }
  EXPECT_FALSE(index.search(ListQuery{}, {"12"})) << "a word without a letter";
}

}  // namespace
}  // namespace kc

// Search through the facilities' indexes (store/text_search.h), on SQLite and, with KC_PG_URL,
// on PostgreSQL: the same rows as the plain search, an exact total up to the limit and an
// estimate past it, the indexes and the vocabulary's counts kept in step with every write.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "app/register.h"
#include "store/migrate.h"
#include "store/register_repo.h"
#include "store/text_search.h"
#include "test_database.h"

namespace kc {
namespace {

const app::Actor kSystem = app::Actor::system("test");

class RegisterSearch : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fresh_test_dir("kc-search",
                          ::testing::UnitTest::GetInstance()->current_test_info()->name());
    auto db = store::open(test_database(dir_ / "test.db"));
    ASSERT_TRUE(db) << db.error().message;
    db_ = std::move(*db);
    ASSERT_TRUE(store::migrate(*db_));
    // 20 wood workshops (gỗ) and 10 bamboo ones (tre), their names in no particular order.
    for (int i = 0; i < 30; ++i) {
      Facility f;
      int n = (i * 7) % 30;
      f.name = n < 20 ? "Cơ sở chế biến gỗ Xuân " + std::to_string(n)
                      : "Hộ mây tre đan Yên " + std::to_string(n);
      f.kind = "household_business", f.province = {"2008", "75"}, f.employees = 5;
      auto made = app::create_facility(*db_, kSystem, f);
      ASSERT_TRUE(made) << made.error().message;
      ids_.push_back(made->id);
    }
  }
  void TearDown() override {
    db_.reset();
    std::filesystem::remove_all(dir_);
  }
  Page<Facility> search(const std::string& text, std::int64_t exact = store::kExactTotal) {
    ListQuery q;
    q.q = text, q.page_size = 10;
    auto page = store::list_facilities(*db_, q, exact);
    EXPECT_TRUE(page) << page.error().message;
    return page ? *page : Page<Facility>{};
  }
  // What the plain search (one LIKE per word, no index) counts.
  std::int64_t plain_count(const std::string& text) {
    store::Where w;
    for (const auto& word : store::search_words(text))
      w.add("search_text LIKE ? ESCAPE '\\'", {store::like_pattern(word)});
    auto n = db_->scalar("SELECT COUNT(*) FROM facilities" + w.sql, w.params);
    EXPECT_TRUE(n) << n.error().message;
    return n ? *n : -1;
  }
  Facility add(const std::string& name, const std::string& address) {
    Facility f;
    f.name = name, f.address = address, f.kind = "household_business";
    f.province = {"2008", "75"}, f.employees = 3;
    auto made = app::create_facility(*db_, kSystem, f);
    EXPECT_TRUE(made) << made.error().message;
    return made ? *made : f;
  }
  std::filesystem::path dir_;
  std::unique_ptr<store::Connection> db_;
  std::vector<std::int64_t> ids_;
};

TEST_F(RegisterSearch, FewMatchesGiveTheExactTotalInNameOrder) {
  auto p = search("MAY TRE");
  EXPECT_EQ(p.total, 10);
  EXPECT_FALSE(p.total_is_estimate);
  ASSERT_EQ(p.items.size(), 10u);
  EXPECT_TRUE(std::is_sorted(p.items.begin(), p.items.end(),
                             [](const auto& a, const auto& b) { return a.name < b.name; }));
  // A long word through the index and a short one by LIKE alone: "xuan 1" is 1 and 10–19.
  EXPECT_EQ(search("bien 1 xuan").total, 11);
  // Only short words: no index, the plain search.
  EXPECT_EQ(search("go 1").total, 11);
  EXPECT_EQ(search("khong co").total, 0);
  EXPECT_EQ(search("\"go").total, 0);  // a quote is a character like any other
}

// With a filter (the kind), the matches' rows are read to find them; without one, the word
// index alone finds them: both answer the same.
TEST_F(RegisterSearch, PastTheLimitTheTotalIsAnEstimateAndThePageInRegisterOrder) {
  ListQuery all;
  all.q = "che bien go", all.page_size = 100;
  auto exact = store::list_facilities(*db_, all);
  ASSERT_TRUE(exact);
  ASSERT_EQ(exact->total, 20);
  ASSERT_FALSE(exact->total_is_estimate);
  std::vector<std::int64_t> first;  // the matches' ids in the register's order
  for (const auto& f : exact->items) first.push_back(f.id);
  std::sort(first.begin(), first.end());
  for (std::string kind : {"", "household_business"})
    for (int page = 1; page <= 2; ++page) {
      SCOPED_TRACE("kind '" + kind + "', page " + std::to_string(page));
      ListQuery q;
      q.q = "che bien go", q.kind = kind, q.page = page, q.page_size = 10;
      auto estimated = store::list_facilities(*db_, q, 5);
      ASSERT_TRUE(estimated);
      EXPECT_TRUE(estimated->total_is_estimate);
      EXPECT_GT(estimated->total, 5);
      EXPECT_LE(estimated->total, 30);  // at most the table
      std::vector<std::int64_t> ids;
      for (const auto& f : estimated->items) ids.push_back(f.id);
      EXPECT_EQ(ids, std::vector<std::int64_t>(first.begin() + (page - 1) * 10,
                                               first.begin() + page * 10));
    }
}

TEST_F(RegisterSearch, APageOfFewMatchesIsSortedAndAPagePastTheLastStillCounts) {
  for (std::string kind : {"", "household_business"}) {
    SCOPED_TRACE("kind '" + kind + "'");
    std::vector<std::string> names;
    for (int page = 1; page <= 3; ++page) {
      ListQuery q;
      q.q = "che bien go", q.kind = kind, q.page = page, q.page_size = 8, q.descending = true;
      q.sort = "name";
      auto p = store::list_facilities(*db_, q);
      ASSERT_TRUE(p);
      EXPECT_EQ(p->total, 20);
      for (const auto& f : p->items) names.push_back(f.name);
    }
    ASSERT_EQ(names.size(), 20u);
    EXPECT_TRUE(std::is_sorted(names.rbegin(), names.rend()));
    ListQuery past;
    past.q = "che bien go", past.kind = kind, past.page = 4, past.page_size = 8;
    auto p = store::list_facilities(*db_, past);
    ASSERT_TRUE(p);
    EXPECT_EQ(p->total, 20);
    EXPECT_TRUE(p->items.empty());
  }
}

TEST_F(RegisterSearch, TheIndexFollowsEveryChangeOfAName) {
  auto f = app::get_facility(*db_, kSystem, ids_[0]);
  ASSERT_TRUE(f);
  ASSERT_EQ(search("che bien go").total, 20);
  f->name = "Làng nghề sơn mài Tương Bình Hiệp";
  ASSERT_TRUE(app::update_facility(*db_, kSystem, *f, "đổi tên"));
  EXPECT_EQ(search("son mai tuong binh").total, 1);
  EXPECT_EQ(search("che bien go").total, 19);
}

// Names with punctuation, fragments inside words, short words and words no index can take:
// every query finds exactly what the plain search finds, whichever index it goes through.
TEST_F(RegisterSearch, EveryQueryFindsWhatThePlainSearchFinds) {
  add("Cơ sở Thành-Phát (chi nhánh 2)", "12/3 đường Lê Lợi, phường 5");
  add("Hộ kinh doanh Khánh Hòa", "thôn Phú Lợi; xã Ninh Hiệp");
  add("HTX A&B Đồng Kỵ", "số 7, ngõ 12a");
  add("Công ty Naïve Œuvre", "xã Tân Lập");
  add("Cơ sở Thanh Hà", "thôn Hạ Thái");
  for (const char* query :
       {"anh",          "thanh", "hanh phat",  "loi",     "lợi phu",         "a&b",
        "ky dong",      "12a",   "12",         "naive",   "naïve",           "œuvre",
        "uvre",         "o",     "an",         "ha thai", "ninh hiep khanh", "chi nhanh 2",
        "tan lap xuan", "zzz",   "thanh-phat", "(chi",    "le loi, phuong"}) {
    SCOPED_TRACE(query);
    auto page = search(query);
    EXPECT_EQ(page.total, plain_count(query));
    EXPECT_FALSE(page.total_is_estimate);
  }
  EXPECT_EQ(search("thanh").total, 2);  // "Thành-Phát" and "Thanh Hà"
}

// On PostgreSQL a search whose sample of the table's pages shows far more matches than the
// exact limit skips the count (text_search.cc, wide_page): here the sample is the whole small
// table. Its total is then the sample's, its pages come in the register's order, and a short
// page, the last, knows the exact total. A search the sample does not find wide counts as
// before: its total is extrapolated from its first matches.
TEST_F(RegisterSearch, OnPostgreSQLAWideSearchIsSampledAndItsLastPageCounted) {
  if (db_->dialect() == "sqlite") GTEST_SKIP() << "SQLite counts through its word index";
  ListQuery all;
  all.q = "che bien go", all.page_size = 100;
  auto exact = store::list_facilities(*db_, all);
  ASSERT_TRUE(exact);
  std::vector<std::int64_t> wood;
  for (const auto& f : exact->items) wood.push_back(f.id);
  ASSERT_EQ(wood.size(), 20u);
  std::sort(wood.begin(), wood.end());
  for (int page = 1; page <= 2; ++page) {
    SCOPED_TRACE("page " + std::to_string(page));
    ListQuery q;
    q.q = "che bien go", q.page = page, q.page_size = 15, q.sort = "name";
    auto p = store::list_facilities(*db_, q, 5);
    ASSERT_TRUE(p) << p.error().message;
    EXPECT_EQ(p->total, 20);
    EXPECT_EQ(p->total_is_estimate, page == 1);
    std::vector<std::int64_t> ids;
    for (const auto& f : p->items) ids.push_back(f.id);
    EXPECT_EQ(ids, std::vector<std::int64_t>(wood.begin() + (page - 1) * 15,
                                             wood.begin() + std::min(page * 15, 20)));
  }
  // Ten bamboo workshops: 10 - 3 * sqrt(10) is under 5, so not wide by the sample. Counted
  // from its first matches, its total stays an estimate even on a short page, where the
  // sampled path would have said it exact.
  ListQuery bamboo;
  bamboo.q = "may tre", bamboo.page_size = 15;
  auto p = store::list_facilities(*db_, bamboo, 5);
  ASSERT_TRUE(p) << p.error().message;
  EXPECT_EQ(p->items.size(), 10u);
  EXPECT_TRUE(p->total_is_estimate);
  EXPECT_GE(p->total, 10);
}

// The vocabulary's counts (migration 027) follow inserts, renames and deletes: they stay what
// a count from scratch gives, and a word no facility holds any more finds nothing.
TEST_F(RegisterSearch, TheVocabularyCountsFollowEveryWrite) {
  if (db_->dialect() != "sqlite") GTEST_SKIP() << "the word index is SQLite's";
  auto recount = [&] {
    auto rows = db_->query(
        "SELECT v.word, v.n, (SELECT COUNT(*) FROM facilities_text_words w WHERE w.word = "
        "v.word) FROM facilities_vocab v",
        {});
    EXPECT_TRUE(rows);
    for (const auto& r : *rows) EXPECT_EQ(r.i64(1), r.i64(2)) << r.str(0);
    return rows->size();
  };
  auto f = add("Cơ sở gốm Quỳnh Lưu", "thôn Đông, xã Yên");
  EXPECT_EQ(search("quynh").total, 1);
  EXPECT_GT(recount(), 0u);
  f.name = "Cơ sở gốm Hương Canh";
  ASSERT_TRUE(app::update_facility(*db_, kSystem, f, "đổi tên"));
  EXPECT_EQ(search("quynh").total, 0);
  EXPECT_EQ(search("huong canh").total, 1);
  recount();
  ASSERT_TRUE(db_->exec("DELETE FROM facilities WHERE id = ?", std::vector<store::Value>{f.id}));
  EXPECT_EQ(search("huong").total, 0);
  EXPECT_EQ(search("che bien go").total, 20);
  recount();
}

}  // namespace
}  // namespace kc

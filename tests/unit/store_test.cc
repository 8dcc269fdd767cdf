// The register's use cases against a real SQLite database in a temporary folder.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>

#include "app/eligibility.h"
#include "app/exports.h"
#include "app/imports.h"
#include "app/projects.h"
#include "app/register.h"
#include "app/report_layout.h"
#include "io/table.h"
#include "io/xlsx_reader.h"
#include "store/audit_repo.h"
#include "store/copy.h"
#include "store/migrate.h"
#include "store/project_repo.h"
#include "test_database.h"

namespace kc {
namespace {

const app::Actor kSystem = app::Actor::system("test");

class Register : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ =
        fresh_test_dir("kc-test", ::testing::UnitTest::GetInstance()->current_test_info()->name());
    db_ = open_fresh("test.db");
    program_id_ = app::create_program(*db_, kSystem,
                                      {0, "KCQG-2018", "KCQG", std::nullopt, 2018, "Kế hoạch 2018",
                                       120'000'000'000, 0})
                      ->id;
    Organization o;
    o.name = "Trung tâm Khuyến công tỉnh Đồng Nai", o.kind = "provincial_center",
    o.province = {"2008", "75"};
    org_id_ = app::create_organization(*db_, kSystem, o).value().id;
  }
  void TearDown() override {
    db_.reset();
    std::filesystem::remove_all(dir_);
  }
  std::unique_ptr<store::Connection> open_fresh(const std::string& name) {
    auto db = store::open(test_database(dir_ / name));
    EXPECT_TRUE(db) << db.error().message;
    EXPECT_TRUE(store::migrate(**db));
    return std::move(*db);
  }
  Project project(const std::string& code) {
    Project p;
    p.code = code, p.title = "Hỗ trợ ứng dụng máy móc chế biến hạt điều tại Đồng Nai",
    p.year = 2018;
    p.program_id = program_id_, p.content_code = "ND45-03", p.provinces = {{"2008", "75"}};
    p.implementing_org_id = org_id_, p.requested_vnd = 300'000'000, p.counterpart_vnd = 300'000'000;
    p.total_vnd = 600'000'000, p.start = {2018, 4, 1}, p.end = {2018, 11, 30};
    p.outputs = {{"facility_tech_machinery", 2}};
    return p;
  }
  std::filesystem::path dir_;
  std::unique_ptr<store::Connection> db_;
  std::int64_t program_id_ = 0, org_id_ = 0;
};

TEST_F(Register, MigrationsLoadReferenceDataOnceAndAreIdempotent) {
  EXPECT_TRUE(store::migrate(*db_));
  EXPECT_EQ(db_->scalar("SELECT COUNT(*) FROM provinces WHERE set_year = '2008'", {}).value(), 63);
  EXPECT_EQ(db_->scalar("SELECT COUNT(*) FROM provinces WHERE set_year = '2025'", {}).value(), 34);
  EXPECT_EQ(db_->scalar("SELECT COUNT(DISTINCT new_code) FROM province_merger", {}).value(), 34);
  EXPECT_EQ(db_->scalar("SELECT COUNT(*) FROM regions", {}).value(), 6);
  EXPECT_EQ(db_->scalar("SELECT COUNT(*) FROM areas", {}).value(), 3);
  EXPECT_EQ(store::schema_version(*db_).value(), store::latest_schema_version());
  EXPECT_GE(store::latest_schema_version(), 4);
}

// Migration 030 (SQLite only) keeps each child table as one tree in its key's order; a project
// reads back its provinces in their positions and its outputs in the indicators' order, as
// before, on both databases.
TEST_F(Register, ProjectChildrenAreOneTreeEachAndReadBackInOrder) {
  if (db_->dialect() == "sqlite")
    for (const char* t : {"project_provinces", "project_beneficiaries", "project_cooperators",
                          "project_outputs", "project_flags"})
      EXPECT_NE(db_->query("SELECT sql FROM sqlite_master WHERE name = ?",
                           std::vector<store::Value>{std::string(t)})
                    .value()
                    .at(0)
                    .str(0)
                    .find("WITHOUT ROWID"),
                std::string::npos)
          << t;
  auto p = project("P-ORDER");
  p.kind = "group";                                // a group project spans provinces
  p.provinces = {{"2008", "75"}, {"2008", "01"}};  // Đồng Nai first, Hà Nội second
  p.outputs = {{"technology_line", 1}, {"demo_model", 3}, {"facility_tech_machinery", 2}};
  auto created = app::create_project(*db_, kSystem, p);
  ASSERT_TRUE(created) << created.error().message;
  auto got = store::get_project(*db_, created->id).value();
  ASSERT_EQ(got.provinces.size(), 2u);
  EXPECT_EQ(got.provinces[0].code, "75");
  EXPECT_EQ(got.provinces[1].code, "01");
  std::vector<std::string> indicators;
  for (const auto& o : got.outputs) indicators.push_back(o.indicator);
  EXPECT_EQ(indicators,
            (std::vector<std::string>{"demo_model", "facility_tech_machinery", "technology_line"}));
}

// A table missing from the list would be silently left behind by `migrate` and the checksums.
TEST_F(Register, CopyListsEveryTableOfTheSchema) {
  std::string sql = db_->dialect() == "postgresql"
                        ? "SELECT table_name FROM information_schema.tables WHERE table_schema = "
                          "'public' AND table_name NOT IN ('schema_migrations', 'facility_stamps')"
                        // The search's indexes (026, 027), their shadow tables, the vocabulary
                        // and the facilities' stamps (029) are derived from facilities by
                        // triggers, not data to copy.
                        : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
                          "'sqlite_%' AND name NOT IN ('schema_migrations', 'facility_stamps') "
                          "AND name NOT LIKE "
                          "'facilities\\_search%' ESCAPE '\\' AND name NOT LIKE "
                          "'facilities\\_words%' ESCAPE '\\' AND name <> 'facilities_vocab'";
  auto rows = db_->query(sql, {}).value();
  std::set<std::string> schema, listed(store::all_tables().begin(), store::all_tables().end());
  for (const auto& r : rows) schema.insert(r.str(0));
  EXPECT_EQ(schema, listed);
}

TEST_F(Register, OldProvinceReportsUnderTheNewSet) {
  auto created = app::create_project(*db_, kSystem, project("P-1"));
  ASSERT_TRUE(created) << created.error().message;
  ListQuery q;
  q.province = "75", q.province_set = "2025";  // Đồng Nai absorbed Bình Phước (70)
  EXPECT_EQ(app::list_projects(*db_, kSystem, q)->total, 1);
  q.province = "75", q.province_set = "2008";
  EXPECT_EQ(app::list_projects(*db_, kSystem, q)->total, 1);
  q.province = "70", q.province_set = "2008";
  EXPECT_EQ(app::list_projects(*db_, kSystem, q)->total, 0);
  q = {};
  q.region = "DNB";
  EXPECT_EQ(app::list_projects(*db_, kSystem, q)->total, 1);
}

TEST_F(Register, SearchIgnoresDiacriticsAndCase) {
  ASSERT_TRUE(app::create_project(*db_, kSystem, project("P-1")));
  ListQuery q;
  for (const char* text : {"dong nai", "ĐỒNG NAI", "hat dieu", "Hạt Điều", "p-1"}) {
    q.q = text;
    EXPECT_EQ(app::list_projects(*db_, kSystem, q)->total, 1) << text;
  }
  q.q = "100%";
  EXPECT_EQ(app::list_projects(*db_, kSystem, q)->total, 0);
}

// PostgreSQL prepares a statement on its second use, but never the search by patterns over
// the facilities: a prepared statement may settle on one generic plan, and that search's best
// plan depends on its patterns (store/postgres/pg_db.cc; docs/benchmarks.md, the search).
TEST_F(Register, TheFacilitySearchIsNeverPreparedOnPostgres) {
  if (db_->dialect() != "postgresql") GTEST_SKIP() << "PostgreSQL's statements";
  Facility f;
  f.name = "Cơ sở chế biến hạt điều Bình Phước", f.kind = "household_business";
  f.province = {"2008", "75"}, f.employees = 5;
  ASSERT_TRUE(app::create_facility(*db_, kSystem, f));
  ListQuery q;
  q.q = "hat dieu";
  for (int i = 0; i < 7; ++i) EXPECT_EQ(app::list_facilities(*db_, kSystem, q)->total, 1);
  auto count = [&](const char* where) {
    auto n =
        db_->scalar(std::string("SELECT COUNT(*) FROM pg_prepared_statements WHERE ") + where, {});
    EXPECT_TRUE(n) << n.error().message;
    return n ? *n : -1;
  };
  EXPECT_GT(count("TRUE"), 0);  // the other statements are prepared
  EXPECT_EQ(count("statement LIKE '%MATERIALIZED%'"), 0);
}

TEST_F(Register, StaleUpdateIsAConflictAndChangesNothing) {
  auto p = app::create_project(*db_, kSystem, project("P-1")).value();
  Project first = p, second = p;
  first.title = "Tiêu đề mới";
  ASSERT_TRUE(app::update_project(*db_, kSystem, first));
  second.title = "Tiêu đề cũ hơn";
  auto stale = app::update_project(*db_, kSystem, second);
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().kind, ErrorKind::conflict);
  auto now = app::get_project(*db_, kSystem, p.id).value();
  EXPECT_EQ(now.title, "Tiêu đề mới");
  EXPECT_EQ(now.version, p.version + 1);
}

TEST_F(Register, OutputsComeInTheIndicatorsOrder) {
  Project p = project("P-O");
  p.outputs = {{"facility_supported", 3}, {"technology_line", 1}, {"demo_model", 1}};
  auto id = app::create_project(*db_, kSystem, p).value().id;
  const std::vector<ProjectOutput> ordered = {
      {"demo_model", 1}, {"technology_line", 1}, {"facility_supported", 3}};
  EXPECT_EQ(app::get_project(*db_, kSystem, id).value().outputs, ordered);
}

TEST_F(Register, ContentMustBeInForceInTheProjectYear) {
  Project p = project("P-2");
  p.content_code = "ND235-03";  // in force from 15/10/2025
  auto r = app::create_project(*db_, kSystem, p);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().fields.at(0).field, "content_code");
}

TEST_F(Register, UnknownReferencesAreNamedAndNothingIsWritten) {
  Project p = project("P-3");
  p.implementing_org_id = 999;
  p.beneficiary_ids = {12345};
  p.outputs = {{"no_such_indicator", 1}};
  p.provinces = {{"2025", "70"}};  // 70 is not a 2025 code
  auto r = app::create_project(*db_, kSystem, p);
  ASSERT_FALSE(r);
  std::set<std::string> fields;
  for (const auto& f : r.error().fields) fields.insert(f.field);
  EXPECT_TRUE(fields.contains("provinces/0"));
  EXPECT_EQ(db_->scalar("SELECT COUNT(*) FROM projects", {}).value(), 0);
}

TEST_F(Register, CancelIsFinal) {
  auto p = app::create_project(*db_, kSystem, project("P-4")).value();
  auto c = app::cancel_project(*db_, kSystem, p.id, p.version, "");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->status, "cancelled");
  EXPECT_FALSE(app::cancel_project(*db_, kSystem, p.id, c->version, ""));
  Project edit = *c;
  edit.title = "x";
  EXPECT_FALSE(app::update_project(*db_, kSystem, edit));
}

TEST_F(Register, ImportIsAllOrNothingAndNamesRowAndColumn) {
  io::Table t;
  t.header = {"name", "kind", "province_set", "province_code", "employees"};
  t.rows = {{"HTX Mây tre đan Phú Vinh", "cooperative", "2008", "01", "25"},
            {"Hộ kinh doanh Gốm Bát Tràng", "household_business", "2008", "01", "many"},
            {"Công ty TNHH Chè Tân Cương", "big_company", "2008", "19", "40"}};
  auto r = app::import_table(*db_, kSystem, app::ImportKind::facilities, t);
  ASSERT_FALSE(r);
  std::set<std::string> where;
  for (const auto& f : r.error().fields) where.insert(f.field);
  EXPECT_TRUE(where.contains("row 3, column employees"));
  EXPECT_TRUE(where.contains("row 4, column kind"));
  EXPECT_EQ(db_->scalar("SELECT COUNT(*) FROM facilities", {}).value(), 0);
  t.rows.resize(1);
  auto ok = app::import_table(*db_, kSystem, app::ImportKind::facilities, t);
  ASSERT_TRUE(ok) << ok.error().message;
  EXPECT_EQ(ok->imported, 1u);
}

TEST_F(Register, XlsxExportImportsIntoAnotherDatabase) {
  Project p = project("P-5");
  p.priority_flags = {"export"};  // a declaration: the computed flags follow the facility
  ASSERT_TRUE(app::create_project(*db_, kSystem, p));
  auto path = (dir_ / "out.xlsx").string();
  auto file = app::export_projects(*db_, kSystem, {}, "xlsx", path);
  ASSERT_TRUE(file) << file.error().message;
  EXPECT_EQ(file->rows, 1u);
  auto table = io::read_xlsx(path);
  ASSERT_TRUE(table) << table.error().message;
  ASSERT_EQ(table->rows.size(), 1u);

  auto other = open_fresh("other.db");
  ASSERT_TRUE(app::create_program(
      *other, kSystem, {0, "KCQG-2018", "KCQG", std::nullopt, 2018, "Kế hoạch 2018", 1, 0}));
  Organization o;
  o.name = "Trung tâm", o.kind = "provincial_center", o.province = {"2008", "75"};
  ASSERT_TRUE(app::create_organization(*other, kSystem, o));
  auto imported = app::import_table(*other, kSystem, app::ImportKind::projects, *table);
  ASSERT_TRUE(imported) << imported.error().message << " "
                        << (imported.error().fields.empty()
                                ? ""
                                : imported.error().fields[0].field + " " +
                                      imported.error().fields[0].message);
  auto back = app::list_projects(*other, kSystem, {}).value();
  ASSERT_EQ(back.total, 1);
  auto full = app::get_project(*other, kSystem, back.items[0].project.id).value();
  EXPECT_EQ(full.code, "P-5");
  EXPECT_EQ(full.title, p.title);
  EXPECT_EQ(full.requested_vnd, p.requested_vnd);
  EXPECT_EQ(full.outputs, p.outputs);
  EXPECT_EQ(full.priority_flags, p.priority_flags);
}

// The report layout is for people: Vietnamese headers, names, statuses in words, a totals row.
TEST_F(Register, ReportLayoutExportHasNamesAndTotals) {
  Project a = project("P-R1"), b = project("P-R2");
  b.requested_vnd = 700'000'000, b.counterpart_vnd = 0, b.total_vnd = 700'000'000;
  ASSERT_TRUE(app::create_project(*db_, kSystem, a));
  ASSERT_TRUE(app::create_project(*db_, kSystem, b));
  auto path = (dir_ / "report.csv").string();
  auto done = app::export_projects(*db_, kSystem, {}, "csv", path, {}, "report");
  ASSERT_TRUE(done) << done.error().message;
  EXPECT_EQ(done->rows, 2u);
  auto t = io::read_table_file(path, "").value();
  EXPECT_EQ(t.header.front(), "STT");
  ASSERT_EQ(t.rows.size(), 3u);
  auto col = [&](const char* name) { return *t.column(name); };
  EXPECT_EQ(t.rows[0][col("STT")], "1");
  EXPECT_EQ(t.rows[0][col("Trạng thái")], app::status_name_vi(a.status));
  EXPECT_NE(t.rows[0][col("Trạng thái")], a.status);
  EXPECT_NE(t.rows[0][col("Địa bàn")].find_first_not_of("0123456789, "), std::string::npos);
  EXPECT_EQ(t.rows[2][col("Mã đề án")], "Tổng cộng");
  EXPECT_EQ(t.rows[2][col("Kinh phí khuyến công (đồng)")],
            std::to_string(a.requested_vnd + b.requested_vnd));
  auto bad = app::export_projects(*db_, kSystem, {}, "csv", path, {}, "pretty");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().fields.at(0).field, "layout");
}

// The bulk path checks codes in memory: against the stored codes and the file's earlier rows.
// A good file gets one audit row for the import, shown in each new project's history, and the
// chain holds.
TEST_F(Register, ProjectImportChecksCodesInMemoryAndAuditsTheFile) {
  ASSERT_TRUE(app::create_project(*db_, kSystem, project("P-6")));
  auto path = (dir_ / "six.xlsx").string();
  ASSERT_TRUE(app::export_projects(*db_, kSystem, {}, "xlsx", path));
  auto table = io::read_xlsx(path).value();
  ASSERT_EQ(table.rows.size(), 1u);
  const size_t code = *table.column("code");
  const size_t program = *table.column("program_code");
  auto row = table.rows[0];
  table.rows = {row, row, row, row};  // P-6 (stored), then P-7 twice, then an unknown program
  table.rows[1][code] = table.rows[2][code] = "P-7";
  table.rows[3][code] = "P-9", table.rows[3][program] = "KCQG-1999";
  auto r = app::import_table(*db_, kSystem, app::ImportKind::projects, table);
  ASSERT_FALSE(r);
  std::set<std::string> where;
  for (const auto& f : r.error().fields) where.insert(f.field);
  EXPECT_EQ(where, (std::set<std::string>{"row 2, column code", "row 4, column code",
                                          "row 5, column program_code"}));
  EXPECT_EQ(db_->scalar("SELECT COUNT(*) FROM projects", {}).value(), 1);

  table.rows[0][code] = "P-8";
  table.rows.resize(2);
  auto audit_before = db_->scalar("SELECT COUNT(*) FROM audit_log", {}).value();
  auto ok =
      app::import_table(*db_, kSystem, app::ImportKind::projects, table, {"six.xlsx", "abc123"});
  ASSERT_TRUE(ok) << ok.error().message;
  EXPECT_EQ(ok->imported, 2u);
  // One audit row for the file, naming the range of new ids; each project's history shows it.
  auto rows = store::audit_recent(*db_, 1).value();
  ASSERT_EQ(db_->scalar("SELECT COUNT(*) FROM audit_log", {}).value(), audit_before + 1);
  EXPECT_EQ(rows[0].action, "import");
  auto file = nlohmann::json::parse(rows[0].after_json);
  EXPECT_EQ(file["sha256"], "abc123");
  EXPECT_EQ(file["rows"], 2);
  const std::int64_t first = file["first_id"], last = file["last_id"];
  EXPECT_EQ(last, first + 1);
  EXPECT_EQ(app::get_project(*db_, kSystem, first).value().code, "P-8");
  auto seven = app::get_project(*db_, kSystem, last).value();
  EXPECT_EQ(seven.code, "P-7");
  EXPECT_EQ(seven.title, project("P-6").title);
  EXPECT_EQ(seven.provinces.size(), project("P-6").provinces.size());
  for (auto id : {first, last}) {
    auto history = app::project_history(*db_, kSystem, id).value();
    ASSERT_EQ(history["total"], 1);
    EXPECT_EQ(history["items"][0]["action"], "import");
    EXPECT_EQ(history["items"][0]["after"]["file"], "six.xlsx");
  }
  // The project made before the import has its own history only.
  auto six = app::project_history(*db_, kSystem, first - 1).value();
  ASSERT_EQ(six["total"], 1);
  EXPECT_EQ(six["items"][0]["action"], "create");
  auto check = store::verify_audit(*db_).value();
  EXPECT_FALSE(check.first_bad_id) << check.problem;
  // The same file again: every code is now taken.
  auto again = app::import_table(*db_, kSystem, app::ImportKind::projects, table);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().fields.size(), 2u);
}

// Priority flags the register can establish are settled on every save from the beneficiaries'
// facts and the main province's region (TT 46/2012 Art. 6); a typed value for them goes.
TEST_F(Register, PriorityFlagsAreComputedOnSave) {
  Facility f;
  f.name = "Xưởng dệt", f.kind = "household_business", f.province = {"2008", "75"};
  f.women_owned = true, f.employees = 60;
  auto facility = app::create_facility(*db_, kSystem, f).value();
  Project p = project("UT-1");
  p.beneficiary_ids = {facility.id};
  p.priority_flags = {"export", "disadvantaged_area", "ethnic_minorities"};
  auto saved = app::create_project(*db_, kSystem, p).value();
  EXPECT_EQ(saved.priority_flags,
            (std::vector<std::string>{"export", "women_owned", "workers_50_plus"}));
  Project north = project("UT-2");
  north.provinces = {{"2008", "10"}};  // Lào Cai: the northern mountains
  auto up = app::create_project(*db_, kSystem, north).value();
  EXPECT_EQ(up.priority_flags, (std::vector<std::string>{"disadvantaged_area"}));
}

// The beneficiary's place: a ward of a centrally-run city blocks under NĐ 235/2025 unless in a
// recognised craft village; under NĐ 45/2012 it is a warning. The ceilings: above the most
// generous rule of the content, a block naming it.
TEST_F(Register, EligibilityNamesThePlaceAndTheCeiling) {
  Facility f;
  f.name = "Cơ sở may", f.kind = "household_business", f.province = {"2025", "01"};
  f.commune = "Phường Kim Liên";
  auto ward = app::create_facility(*db_, kSystem, f).value();
  f.name = "Cơ sở gốm", f.commune = "Phường Bát Tràng", f.craft_village = true;
  auto village = app::create_facility(*db_, kSystem, f).value();
  auto rules_of = [&](Project p) {
    std::vector<std::pair<std::string, std::string>> out;
    auto checks = app::eligibility_checks(*db_, p).value();
    for (const auto& c : checks) out.push_back({c.rule, c.level});
    return out;
  };
  auto has = [](const auto& checks, const std::string& rule, const std::string& level) {
    return std::find(checks.begin(), checks.end(), std::pair{rule, level}) != checks.end();
  };
  Project p = project("UT-3");
  p.start = {2026, 3, 1}, p.end = {2026, 10, 30}, p.beneficiary_ids = {ward.id};
  EXPECT_TRUE(has(rules_of(p), "rural_ward_rule", "block"));
  p.beneficiary_ids = {village.id};
  EXPECT_FALSE(has(rules_of(p), "rural_ward_rule", "block"));
  p.start = {2019, 3, 1}, p.end = {2019, 10, 30}, p.beneficiary_ids = {ward.id};
  auto old = rules_of(p);
  EXPECT_TRUE(has(old, "rural_ward_rule", "warning"));
  // 300 million of 600 for one facility's machinery: within 50 % and 300 million (TT 28/2018).
  EXPECT_FALSE(has(old, "support_ceiling.machinery", "block") ||
               has(old, "support_ceiling.technology_line", "block"));
  p.requested_vnd = 400'000'000, p.total_vnd = 700'000'000;
  auto over = rules_of(p);
  // 50 % of 700 million is 350: above every rule of ND45-03 for one facility and no model.
  EXPECT_TRUE(has(over, "support_ceiling.technology_line", "block") ||
              has(over, "support_ceiling.machinery", "block"));
}

}  // namespace
}  // namespace kc

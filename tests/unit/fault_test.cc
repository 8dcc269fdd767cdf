// Every write use case, with a failure injected at each of its statements in turn (BEGIN,
// every query, COMMIT): the use case reports an error, the database's checksums are what they
// were, the audit chain verifies, and the connection is usable for the next request.
#include <gtest/gtest.h>
#include <unistd.h>

#include "app/appraisal.h"
#include "app/bulletin.h"
#include "app/chains.h"
#include "app/cluster_reports.h"
#include "app/clusters.h"
#include "app/demo.h"
#include "app/fairs.h"
#include "app/imports.h"
#include "app/petitions.h"
#include "app/plan_decisions.h"
#include "app/plan_scenarios.h"
#include "app/scoring.h"
#include "app/selection.h"
#include "app/typical_products.h"
#include "app/workflow.h"
#include "fault_fixture.h"

namespace kc {
namespace {

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

TEST_F(Faults, EveryFairProductClusterAndChainWriteIsAllOrNothing) {
  fixture();
  const auto& a = kSystem;
  nlohmann::json fair = {
      {"code", "HC-2018-01"},          {"name", "Hội chợ Công Thương Đồng Nai"},
      {"place", "Biên Hòa"},           {"province", {{"set", "2008"}, {"code", "75"}}},
      {"starts_on", "2018-10-01"},     {"ends_on", "2018-10-05"},
      {"organizer", "Sở Công Thương"}, {"project_id", project_.id}};
  each_fault("create_fair",
             [&](store::Connection& db) { return app::create_fair(db, a, fair).has_value(); });
  auto id = app::list_fairs(*real_, a, {}).value()["items"][0]["id"].get<std::int64_t>();
  each_fault("update_fair", [&](store::Connection& db) {
    auto body = fair;
    body["version"] = app::fair_json(*real_, a, id).value()["version"];
    body["place"] = "Trung tâm Hội nghị Đồng Nai";
    return app::update_fair(db, a, id, body).has_value();
  });
  each_fault("add_booth", [&](store::Connection& db) {
    nlohmann::json booth = {{"facility_id", facility_.id}, {"booths", 2}, {"amount_vnd", 0}};
    return app::add_booth(db, a, id, booth).has_value();
  });
  each_fault("recognize_product", [&](store::Connection& db) {
    nlohmann::json product = {{"certificate_no", "SPTB-75-2018-01"},
                              {"name", "Hạt điều rang"},
                              {"group", "processed_food"},
                              {"facility_id", facility_.id},
                              {"level", "provincial"},
                              {"year", 2018},
                              {"recognized_on", "2018-11-20"}};
    return app::recognize_product(db, a, product).has_value();
  });
  nlohmann::json cluster = {{"code", "CCN-75-01"},
                            {"name", "Cụm công nghiệp Thạnh Phú"},
                            {"province", {{"set", "2008"}, {"code", "75"}}},
                            {"status", "established"},
                            {"area_ha", 48.5},
                            {"industrial_land_ha", 34},
                            {"leased_land_ha", 12.25},
                            {"project_ids", {project_.id}}};
  each_fault("create_cluster", [&](store::Connection& db) {
    return app::create_cluster(db, a, cluster).has_value();
  });
  auto cid = app::list_clusters(*real_, a, {}).value()["items"][0]["id"].get<std::int64_t>();
  each_fault("update_cluster", [&](store::Connection& db) {
    auto body = cluster;
    body.erase("project_ids");
    body["version"] = app::cluster_json(*real_, a, cid).value()["version"];
    body["leased_land_ha"] = 20;
    return app::update_cluster(db, a, cid, body).has_value();
  });
  nlohmann::json report = {{"cluster_id", cid},           {"year", 2025}, {"kind", "half"},
                           {"received_on", "2025-06-18"}, {"tenants", 6}, {"workers", 420},
                           {"leased_land_ha", 22.5}};
  each_fault("record_cluster_report", [&](store::Connection& db) {
    return app::record_cluster_report(db, a, report).has_value();
  });
  auto rid = app::list_cluster_reports(*real_, a, {}).value()["items"][0]["id"].get<std::int64_t>();
  each_fault("correct_cluster_report", [&](store::Connection& db) {
    auto body = report;
    for (const char* k : {"cluster_id", "year", "kind"}) body.erase(k);
    body["tenants"] = 7;
    body["version"] = app::cluster_report_json(*real_, a, rid).value()["version"];
    return app::correct_cluster_report(db, a, rid, body).has_value();
  });
  each_fault("compile_cluster_reports", [&](store::Connection& db) {
    nlohmann::json body = {{"year", 2025}, {"kind", "half"}, {"province", "75"}};
    return app::compile_cluster_reports(db, a, body).has_value();
  });
  nlohmann::json chain = {{"name", "Chuỗi liên kết mây tre đan"},
                          {"product_line", "Mây tre đan"},
                          {"province", {{"set", "2008"}, {"code", "75"}}},
                          {"links", {{{"facility_id", facility_.id}, {"role", "producer"}}}},
                          {"project_ids", {project_.id}}};
  each_fault("create_chain",
             [&](store::Connection& db) { return app::create_chain(db, a, chain).has_value(); });
  auto chid = app::list_chains(*real_, a, {}).value()["items"][0]["id"].get<std::int64_t>();
  each_fault("update_chain", [&](store::Connection& db) {
    auto body = chain;
    body["links"].push_back({{"facility_id", facility_.id}, {"role", "buyer"}});
    body["version"] = app::chain_json(*real_, a, chid).value()["version"];
    return app::update_chain(db, a, chid, body).has_value();
  });
}

TEST_F(Faults, EverySelectionWriteIsAllOrNothing) {
  fixture();
  const auto& a = kSystem;
  auto judge =
      app::create_user(*real_, a, {"giamkhao", "Giám khảo", "appraiser", std::nullopt, 0, false, 0},
                       "a-long-password")
          .value();
  const std::string closes = to_iso(add_days(app::vietnam_today(), 10));
  nlohmann::json round = {
      {"year", 2026},        {"level", "regional"},
      {"area_code", "NAM"},  {"name", "Bình chọn khu vực miền Nam"},
      {"closes_on", closes}, {"members", {{{"user_id", judge.id}, {"role", "chair"}}}}};
  each_fault("open_selection_round", [&](store::Connection& db) {
    return app::open_selection_round(db, a, round).has_value();
  });
  auto rid =
      app::list_selection_rounds(*real_, a, {}).value()["items"][0]["id"].get<std::int64_t>();
  nlohmann::json nomination = {{"facility_id", facility_.id}, {"name", "Chiếu cói Bình An"},
                               {"group", "handicraft"},       {"own_product", true},
                               {"mass_producible", true},     {"quality_declared", true},
                               {"safety_declared", true}};
  each_fault("nominate_product", [&](store::Connection& db) {
    return app::nominate_product(db, a, rid, nomination).has_value();
  });
  auto nid =
      app::selection_round_json(*real_, a, rid).value()["nominations"][0]["id"].get<std::int64_t>();
  const app::Actor member{app::Role::appraiser, judge.id, "giamkhao", {}, 0};
  nlohmann::json sheet = {{"lines",
                           {{{"criterion", "market"}, {"points", 30}},
                            {{"criterion", "technical"}, {"points", 25}},
                            {{"criterion", "culture"}, {"points", 20}},
                            {{"criterion", "other"}, {"points", 9}}}}};
  each_fault("score_nomination", [&](store::Connection& db) {
    return app::score_nomination(db, member, nid, sheet).has_value();
  });
  each_fault("conclude_selection", [&](store::Connection& db) {
    return app::conclude_selection(db, a, rid, {{"recognized_on", closes}}).has_value();
  });
}

TEST_F(Faults, EveryBulletinAndPetitionWriteIsAllOrNothing) {
  fixture();
  const auto& a = kSystem;
  nlohmann::json article = {{"title", "Tổng kết năm 2018"},
                            {"summary", "Kết quả chương trình"},
                            {"body_md", "## Kết quả\n\n262 đề án"}};
  each_fault("create_article", [&](store::Connection& db) {
    return app::create_article(db, a, article).has_value();
  });
  auto id = app::list_articles(*real_, a, {}).value()["items"][0]["id"].get<std::int64_t>();
  const std::string files = (dir_ / "files").string();
  const std::string png("\x89PNG\r\n\x1a\n0000", 12);
  each_fault("add_article_image", [&](store::Connection& db) {
    return app::add_article_image(db, a, files, id, "Ảnh", png).has_value();
  });
  each_fault("update_article", [&](store::Connection& db) {
    auto body = article;
    body["version"] = app::article_json(*real_, a, id).value()["version"];
    body["published"] = true;
    return app::update_article(db, a, id, body).has_value();
  });
  const app::Actor province{app::Role::province, 0, "province-75", "75", 0};
  nlohmann::json petition = {{"title", "Hỏi về hồ sơ"}, {"body", "Nội dung"}};
  each_fault("file_petition", [&](store::Connection& db) {
    return app::file_petition(db, province, petition).has_value();
  });
  auto pid = app::list_petitions(*real_, a, {}).value()["items"][0]["id"].get<std::int64_t>();
  each_fault("assign_petition", [&](store::Connection& db) {
    nlohmann::json body = {{"assignee_id", user_.id},
                           {"version", app::petition_json(*real_, a, pid).value()["version"]}};
    return app::assign_petition(db, a, pid, body).has_value();
  });
  each_fault("answer_petition", [&](store::Connection& db) {
    nlohmann::json body = {{"answer", "Trả lời"},
                           {"published", true},
                           {"version", app::petition_json(*real_, a, pid).value()["version"]}};
    return app::answer_petition(db, a, pid, body).has_value();
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
TEST_F(Faults, TheDemoIsAllOrNothing) {
  // Thousands of statements: faults at a sample of them, the first and the COMMIT included.
  int n = each_fault("build_demo (counting)",
                     [&](store::Connection& db) { return app::build_demo(db).has_value(); },
                     {1, 2, 3, 50, 999, 5000});
  EXPECT_GT(n, 5000);
}

}  // namespace
}  // namespace kc

// What a facility's write keeps cached, and why that is safe. A write that changes only the
// facilities' register (Transaction::Bump::facilities) raises DataVersion::all and leaves
// DataVersion::outside_facilities, under which the answers of the routes that read no facility
// (http::facility_free_routes) are cached. So: a facility's create and update change no table
// outside the register but the audit chain; and those routes' handlers, for every kind of user
// and the filters their lists take, run no statement that names a facilities' table.
#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "fault_fixture.h"
#include "http/router.h"
#include "store/register_repo.h"

namespace kc {
namespace {

bool names_a_facility_table(const std::string& sql) {
  static const std::regex kTable(R"(\bfacilities\w*)", std::regex::icase);
  return std::regex_search(sql, kTable);
}

class FacilityFree : public Faults {
 protected:
  void SetUp() override {
    Faults::SetUp();
    if (HasFatalFailure()) return;
    fixture();
  }

  // Runs GET `target` ("path?a=1&b=2") as `actor` through the route table; the route.
  const http::Route* get(const std::string& target, const app::Actor& actor, http::Response& out) {
    http::Request req;
    req.method = "GET";
    const auto mark = target.find('?');
    req.path = target.substr(0, mark);
    if (mark != std::string::npos) {
      std::string_view rest = std::string_view(target).substr(mark + 1);
      while (!rest.empty()) {
        auto part = rest.substr(0, rest.find('&'));
        rest.remove_prefix(std::min(rest.size(), part.size() + 1));
        auto eq = part.find('=');
        req.query[std::string(part.substr(0, eq))] = std::string(part.substr(eq + 1));
      }
    }
    bool path_matched = false;
    const http::Route* route = http::match(http::routes(), req, path_matched);
    if (!route) return nullptr;
    http::HandlerContext ctx{*faulty_, nullptr};
    ctx.actor = actor;
    faulty_->record(true);
    out = route->handler(ctx, req);
    faulty_->record(false);
    return route;
  }
};

TEST_F(FacilityFree, AFacilityWriteChangesNothingOutsideTheRegisterButTheAudit) {
  const auto before = store::checksums(*real_);
  const auto start = store::data_version(*real_);
  ASSERT_TRUE(before && start);
  Facility fresh = facility_;
  fresh.id = 0, fresh.name = "Cơ sở cơ khí Tân Phú";
  ASSERT_TRUE(app::create_facility(*real_, kSystem, fresh));
  Facility renamed = facility_;
  renamed.name = "Hộ kinh doanh Bình An (đổi tên)";
  ASSERT_TRUE(app::update_facility(*real_, kSystem, renamed, "đổi tên theo giấy phép mới"));
  const auto after = store::checksums(*real_);
  ASSERT_TRUE(after);
  const std::set<std::string> changed_by_it{"facilities", "audit_log", "data_version"};
  for (const auto& [table, sum] : *before)
    if (!changed_by_it.contains(table))
      EXPECT_TRUE(after->at(table) == sum) << table << " changed with a facility's write";
  EXPECT_FALSE(after->at("facilities") == before->at("facilities"));
  EXPECT_EQ(*store::data_version(*real_),
            (store::DataVersion{start->all + 2, start->outside_facilities}));

  // Any other write raises both, an organization's among them.
  Organization o = org_;
  o.name += " (mới)";
  ASSERT_TRUE(app::update_organization(*real_, kSystem, o, "đổi tên"));
  EXPECT_EQ(*store::data_version(*real_),
            (store::DataVersion{start->all + 3, start->outside_facilities + 1}));
}

TEST_F(FacilityFree, TheRoutesKeptThroughAFacilityWriteReadNoFacility) {
  auto facts = store::find_province(*real_, {"2008", "75"});
  ASSERT_TRUE(facts && *facts);
  const std::string province = (*facts)->province_2025;
  const std::vector<app::Actor> actors{
      {app::Role::department, 1, "department", {}, 0},
      {app::Role::ministry, 2, "ministry", {}, 0},
      {app::Role::province, 3, "province", province, 0},
      {app::Role::unit, 4, "unit", province, org_.id},
      {app::Role::appraiser, 5, "appraiser", {}, 0},
  };
  const std::string project = std::to_string(project_.id), program = std::to_string(program_.id);
  const std::string filters =
      "year=2018&program=" + program +
      "&level=national&content=ND45-03&status=draft&province=75&province_set=2008&region=DNB"
      "&area=south&q=dieu&sort=-requested_vnd&page=1&page_size=20";
  const std::vector<std::string> targets{
      "/api/v1/projects",
      "/api/v1/projects?" + filters,
      "/api/v1/projects/" + project,
      "/api/v1/projects/stats",
      "/api/v1/projects/stats?" + filters,
      "/api/v1/programs",
      "/api/v1/programs?sort=-year",
      "/api/v1/programs/" + program,
      "/api/v1/reference/regions",
      "/api/v1/reference/provinces",
      "/api/v1/reference/contents",
      "/api/v1/reference/indicators",
      "/api/v1/reference/rules",
  };
  std::set<std::string> covered;
  int answered = 0;
  for (const auto& actor : actors)
    for (const auto& target : targets) {
      http::Response r;
      const http::Route* route = get(target, actor, r);
      ASSERT_NE(route, nullptr) << target;
      EXPECT_FALSE(route->reads_facilities) << target;
      ASSERT_TRUE(route->cacheable) << target;
      covered.insert(route->pattern);
      EXPECT_TRUE(r.status == 200 || r.status == 403 || r.status == 404)
          << target << " as " << app::role_name(actor.role) << ": " << r.status << " " << r.body;
      answered += r.status == 200;
      for (const auto& sql : faulty_->statements())
        EXPECT_FALSE(names_a_facility_table(sql))
            << target << " as " << app::role_name(actor.role) << " ran: " << sql;
    }
  EXPECT_GT(answered, static_cast<int>(targets.size()) * 3);  // most of them answered
  for (auto pattern : http::facility_free_routes())
    EXPECT_TRUE(covered.contains(std::string(pattern)))
        << pattern << " is kept through a facility's write but not checked here";

  // The check itself sees a facility's table when one is read.
  http::Response r;
  ASSERT_NE(get("/api/v1/facilities", actors[0], r), nullptr);
  EXPECT_EQ(r.status, 200) << r.body;
  EXPECT_TRUE(std::ranges::any_of(faulty_->statements(), names_a_facility_table));
}

}  // namespace
}  // namespace kc

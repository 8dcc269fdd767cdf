#include "domain/validation.h"

#include <gtest/gtest.h>

namespace kc {
namespace {

Project valid_project() {
  Project p;
  p.code = "KCQG-2018-001", p.title = "Mô hình trình diễn", p.year = 2018, p.program_id = 1;
  p.content_code = "ND45-03", p.kind = "regular", p.provinces = {{"2008", "01"}};
  p.implementing_org_id = 1, p.requested_vnd = 300, p.counterpart_vnd = 700, p.total_vnd = 1000;
  p.start = {2018, 3, 1}, p.end = {2018, 11, 30};
  return p;
}

bool has_field(const std::vector<FieldError>& errors, const std::string& field) {
  for (const auto& e : errors)
    if (e.field == field) return true;
  return false;
}

TEST(ValidateProject, AcceptsAValidProject) {
  EXPECT_TRUE(validate(valid_project()).empty());
}

TEST(ValidateProject, NamesEachBrokenRule) {
  struct Case {
    const char* name;
    void (*mutate)(Project&);
    const char* field;
  } cases[] = {
      {"empty title", [](Project& p) { p.title = "  "; }, "title"},
      {"negative money", [](Project& p) { p.requested_vnd = -1; }, "requested_vnd"},
      {"total mismatch", [](Project& p) { p.total_vnd = 5; }, "total_vnd"},
      {"end before start",
       [](Project& p) {
         p.end = {2018, 1, 1};
       },
       "end"},
      {"unknown kind", [](Project& p) { p.kind = "big"; }, "kind"},
      {"unknown status", [](Project& p) { p.status = "done"; }, "status"},
      {"no province", [](Project& p) { p.provinces.clear(); }, "provinces"},
      {"regular in two provinces",
       [](Project& p) {
         p.provinces.push_back({"2008", "79"});
       },
       "provinces"},
      {"bad province code",
       [](Project& p) {
         p.provinces = {{"2008", "1"}};
       },
       "provinces/0/code"},
      {"bad province set",
       [](Project& p) {
         p.provinces = {{"1999", "01"}};
       },
       "provinces/0/set"},
      {"year out of range", [](Project& p) { p.year = 1990; }, "year"},
      {"negative output",
       [](Project& p) {
         p.outputs = {{"demo_model", -1}};
       },
       "outputs/0/quantity"},
      {"duplicate output",
       [](Project& p) {
         p.outputs = {{"demo_model", 1}, {"demo_model", 2}};
       },
       "outputs/1/indicator"},
      {"unknown flag", [](Project& p) { p.priority_flags = {"rich"}; }, "priority_flags/0"},
      {"no implementing unit", [](Project& p) { p.implementing_org_id = 0; },
       "implementing_org_id"},
  };
  for (const auto& c : cases) {
    Project p = valid_project();
    c.mutate(p);
    auto errors = validate(p);
    EXPECT_TRUE(has_field(errors, c.field)) << c.name;
  }
}

TEST(ValidateProject, PointProjectsMaySpanProvinces) {
  Project p = valid_project();
  p.kind = "point";
  p.provinces.push_back({"2008", "79"});
  EXPECT_TRUE(validate(p).empty());
  p.provinces.push_back({"2008", "79"});
  EXPECT_TRUE(has_field(validate(p), "provinces/2"));
}

TEST(ValidateProgram, ProvincialProgramsNeedAProvince) {
  Program p{0, "KCDP-2018-01", "KCDP", std::nullopt, 2018, "Khuyến công Hà Nội 2018", 1000, 0};
  EXPECT_TRUE(has_field(validate(p), "province"));
  p.province = ProvinceRef{"2008", "01"};
  EXPECT_TRUE(validate(p).empty());
  p.level = "KCQG";
  EXPECT_TRUE(has_field(validate(p), "province"));
}

TEST(ValidateFacility, RejectsUnknownKindAndNegativeEmployees) {
  Facility f;
  f.name = "HTX Mây tre đan Phú Vinh", f.kind = "cooperative", f.province = {"2008", "01"};
  EXPECT_TRUE(validate(f).empty());
  f.kind = "large_enterprise";
  f.employees = -3;
  auto errors = validate(f);
  EXPECT_TRUE(has_field(errors, "kind"));
  EXPECT_TRUE(has_field(errors, "employees"));
}

}  // namespace
}  // namespace kc

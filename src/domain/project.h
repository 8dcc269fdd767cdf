#pragma once
// The register's entities: programs, organizations, facilities and projects (đề án).
// Plain values: no I/O. Identifiers are database ids (0 = not yet stored); `version` is the
// optimistic-concurrency counter (an update must carry the version it read).
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.h"
#include "domain/money.h"
#include "domain/workflow.h"

namespace kc {

// A province as registered: the code plus the set it comes from ("2008": the 63 provinces in
// force until 30/06/2025; "2025": the 34 from 01/07/2025). A record keeps what it was
// registered under; reports map it to the other set through the merger table.
struct ProvinceRef {
  std::string set;   // "2008" | "2025"
  std::string code;  // two digits, e.g. "01"
  bool operator==(const ProvinceRef&) const = default;
};

// Chương trình khuyến công: national (KCQG) or provincial (KCĐP, with its province).
struct Program {
  std::int64_t id = 0;
  std::string code;
  std::string level;  // "KCQG" | "KCDP"
  std::optional<ProvinceRef> province;
  int year = 0;
  std::string name;
  Vnd budget_vnd = 0;
  std::int64_t version = 0;
};

// Proposing / implementing / cooperating unit.
struct Organization {
  std::int64_t id = 0;
  std::string name;
  std::string kind;  // see kOrganizationKinds
  ProvinceRef province;
  std::string address;
  std::string tax_code;
  std::int64_t version = 0;
};

// Cơ sở công nghiệp nông thôn: the beneficiary.
struct Facility {
  std::int64_t id = 0;
  std::string name;
  std::string kind;  // see kFacilityKinds
  std::string tax_code;
  ProvinceRef province;
  std::string commune;
  std::string address;
  bool craft_village = false;
  bool women_owned = false;
  bool ethnic_minority_workers = false;
  std::string industry;
  std::int64_t employees = 0;
  std::int64_t version = 0;
};

// Expected output of a project for one indicator of the catalogue.
struct ProjectOutput {
  std::string indicator;
  std::int64_t quantity = 0;
  bool operator==(const ProjectOutput&) const = default;
};

// Đề án khuyến công.
struct Project {
  std::int64_t id = 0;
  std::string code;
  std::string title;
  int year = 0;
  std::int64_t program_id = 0;
  std::string content_code;
  std::string kind = "regular";        // see kProjectKinds
  std::vector<ProvinceRef> provinces;  // the first is the main province
  std::int64_t implementing_org_id = 0;
  std::vector<std::int64_t> beneficiary_ids;      // facilities
  std::vector<std::int64_t> cooperating_org_ids;  // organizations
  Vnd requested_vnd = 0;                          // kinh phí khuyến công đề nghị
  Vnd counterpart_vnd = 0;                        // vốn đối ứng
  Vnd total_vnd = 0;                              // tổng kinh phí = requested + counterpart
  Date start;
  Date end;
  std::vector<ProjectOutput> outputs;
  std::vector<std::string> priority_flags;  // see kPriorityFlags
  std::string status = "draft";             // see kProjectStatuses
  std::string bundle;  // proposals sharing a bundle are funded all or none ('' = none)
  // The appraisal score in hundredths of a point (7835 = 78.35): from the ministry council's
  // conclusion or an import; unset until then.
  std::optional<std::int64_t> score_centi;
  std::int64_t version = 0;
  std::string created_at;
  std::string updated_at;
};

// A list row: the project's own columns and provinces (no outputs, beneficiaries, flags),
// plus the implementing unit's name.
struct ProjectListItem {
  Project project;
  std::string implementing_org_name;
};
// Totals over the projects matching a query (paging ignored).
struct ProjectTotals {
  std::int64_t projects = 0;
  Vnd requested_vnd = 0;
  Vnd counterpart_vnd = 0;
  Vnd total_vnd = 0;
  std::int64_t beneficiaries = 0;  // distinct facilities
  struct Group {
    std::string key;
    std::int64_t projects = 0;
    Vnd requested_vnd = 0;
  };
  std::vector<Group> by_content, by_kind, by_status, by_region;
  struct Output {
    std::string indicator;
    std::int64_t quantity = 0;
  };
  std::vector<Output> outputs;
};
inline constexpr std::string_view kProgramLevels[] = {"KCQG", "KCDP"};
inline constexpr std::string_view kProvinceSets[] = {"2008", "2025"};
inline constexpr std::string_view kOrganizationKinds[] = {
    "provincial_center", "department", "regional_center", "association",
    "institute_school",  "enterprise", "ministry_unit",   "other"};
inline constexpr std::string_view kFacilityKinds[] = {
    "small_enterprise",  "medium_enterprise",  "cooperative", "union_of_cooperatives",
    "cooperative_group", "household_business", "artisan"};
inline constexpr std::string_view kProjectKinds[] = {"regular", "point", "group"};
inline constexpr std::string_view kPriorityFlags[] = {
    "disadvantaged_area", "local_materials", "workers_50_plus",     "women_owned",
    "ethnic_minorities",  "export",          "supporting_industry", "new_rural_commune"};

bool is_one_of(std::string_view value, std::span<const std::string_view> allowed);
// "a, b, c" for error messages.
std::string list_of(std::span<const std::string_view> allowed);

}  // namespace kc

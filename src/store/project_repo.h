#pragma once
// Projects (đề án) with their child rows: provinces, beneficiaries, cooperating units,
// expected outputs and priority flags. A write replaces all child rows in the caller's
// transaction. `facts[i]` must describe `p.provinces[i]`.
#include "domain/project.h"
#include "store/db.h"
#include "store/list_query.h"
#include "store/reference_repo.h"

namespace kc::store {

Result<Project> get_project(Connection& db, std::int64_t id);
Result<std::int64_t> insert_project(Connection& db, const Project& p,
                                    const std::vector<ProvinceFacts>& facts);
// Matches on (p.id, p.version): stale -> conflict, missing -> not_found.
Status update_project(Connection& db, const Project& p, const std::vector<ProvinceFacts>& facts);

// A list row: the project's own columns and provinces (no outputs, beneficiaries, flags),
// plus the implementing unit's name.
struct ProjectListItem {
  Project project;
  std::string implementing_org_name;
};
Result<Page<ProjectListItem>> list_projects(Connection& db, const ListQuery& q);

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
Result<ProjectTotals> project_totals(Connection& db, const ListQuery& q);

}  // namespace kc::store

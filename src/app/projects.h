#pragma once
// Use cases for projects (đề án): create, update (optimistic concurrency), read, list,
// cancel. Each runs in one transaction and checks, besides the domain's shape rules, every
// reference: the program exists and is of the project's year, the content of activity exists
// and is valid in that year (a project keeps the content it was created with even after the
// catalogue changes), provinces, the implementing unit, beneficiaries, cooperating units and
// indicators exist, and the code is not taken.
#include <nlohmann/json.hpp>

#include "app/policy.h"
#include "app/project_lookups.h"
#include "domain/list_query.h"
#include "domain/project.h"
#include "store/db.h"
#include "store/project_repo.h"

namespace kc::app {

Result<Project> create_project(store::Connection& db, const Actor& a, const Project& p);
// `reason`: why the change is made (kept in the audit row, shown in the history).
Result<Project> update_project(store::Connection& db, const Actor& a, const Project& p,
                               const std::string& reason = {});
Result<Project> get_project(store::Connection& db, const Actor& a, std::int64_t id);
// update_project's checks and write inside the caller's transaction, without the audit row
// (the caller writes it): the project before and after.
struct ProjectUpdate {
  Project previous, stored;
};
Result<ProjectUpdate> write_project_update(store::Connection& db, const Actor& a,
                                           const Project& changed);
// Whether the user may edit the project's record now: a filer (province, unit) until someone
// appraises it, the department until it ends.
bool may_edit(const Actor& a, const Project& p);
Result<Page<ProjectListItem>> list_projects(store::Connection& db, const Actor& a, ListQuery q);
// Sets status to cancelled. `version` is the version read; a cancelled project stays cancelled.
Result<Project> cancel_project(store::Connection& db, const Actor& a, std::int64_t id,
                               std::int64_t version, const std::string& reason);
// The project's audit history, oldest first.
Result<nlohmann::json> project_history(store::Connection& db, const Actor& a, std::int64_t id);
// Totals of the projects the user may see that match q.
Result<nlohmann::json> project_statistics(store::Connection& db, const Actor& a, ListQuery q);

// Creates a project inside the caller's transaction (imports, demo): all checks, the write
// and its audit row.
Result<std::int64_t> insert_project_checked(store::Connection& db, const Actor& a,
                                            const Project& p);

// All checks of create/update inside the caller's transaction; returns the province facts.
// `previous` is the stored project on update (nullptr on create).
Result<std::vector<store::ProvinceFacts>> check_project(store::Connection& db, const Actor& a,
                                                        const Project& p, const Project* previous);
// The same with the caller's look-ups (an import memoizes them for the whole file).
Result<std::vector<store::ProvinceFacts>> check_project(store::Connection& db,
                                                        ProjectLookups& lookups, const Actor& a,
                                                        const Project& p, const Project* previous);
// Province and unit users may only write their own projects in the early statuses.
Status check_write_scope(const Actor& a, const Project& p,
                         const std::vector<store::ProvinceFacts>& facts);

}  // namespace kc::app

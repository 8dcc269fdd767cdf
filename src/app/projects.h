#pragma once
// Use cases for projects (đề án): create, update (optimistic concurrency), read, list,
// cancel. Each runs in one transaction and checks, besides the domain's shape rules, every
// reference: the program exists and is of the project's year, the content of activity exists
// and is valid in that year (a project keeps the content it was created with even after the
// catalogue changes), provinces, the implementing unit, beneficiaries, cooperating units and
// indicators exist, and the code is not taken.
#include "domain/project.h"
#include "store/db.h"
#include "store/list_query.h"
#include "store/project_repo.h"

namespace kc::app {

Result<Project> create_project(store::Connection& db, const Project& p);
Result<Project> update_project(store::Connection& db, const Project& p);
Result<Project> get_project(store::Connection& db, std::int64_t id);
Result<store::Page<store::ProjectListItem>> list_projects(store::Connection& db,
                                                          const store::ListQuery& q);
// Sets status to cancelled. `version` is the version read; a cancelled project stays cancelled.
Result<Project> cancel_project(store::Connection& db, std::int64_t id, std::int64_t version);

// All checks of create/update inside the caller's transaction; returns the province facts.
// `previous` is the stored project on update (nullptr on create).
Result<std::vector<store::ProvinceFacts>> check_project(store::Connection& db, const Project& p,
                                                        const Project* previous);

}  // namespace kc::app

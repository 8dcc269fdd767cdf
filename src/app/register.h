#pragma once
// Use cases of the register for programs, organizations and facilities. Each function runs
// in one transaction: it validates the whole input (shape rules from domain/, references
// through the store), writes, and returns the stored record — or an error and no change.
#include "domain/project.h"
#include "store/db.h"
#include "store/list_query.h"

namespace kc::app {

Result<Program> create_program(store::Connection& db, const Program& p);
Result<Program> update_program(store::Connection& db,
                               const Program& p);  // p.version = read version
Result<Program> get_program(store::Connection& db, std::int64_t id);
Result<store::Page<Program>> list_programs(store::Connection& db, const store::ListQuery& q);

Result<Organization> create_organization(store::Connection& db, const Organization& o);
Result<Organization> update_organization(store::Connection& db, const Organization& o);
Result<Organization> get_organization(store::Connection& db, std::int64_t id);
Result<store::Page<Organization>> list_organizations(store::Connection& db,
                                                     const store::ListQuery& q);

Result<Facility> create_facility(store::Connection& db, const Facility& f);
Result<Facility> update_facility(store::Connection& db, const Facility& f);
Result<Facility> get_facility(store::Connection& db, std::int64_t id);
Result<store::Page<Facility>> list_facilities(store::Connection& db, const store::ListQuery& q);

// Checks applied inside a caller's transaction (used by imports to stage many records).
Status check_organization(store::Connection& db, const Organization& o);
Status check_facility(store::Connection& db, const Facility& f);

}  // namespace kc::app

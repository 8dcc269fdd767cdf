#pragma once
// Use cases of the register for programs, organizations and facilities. Each function takes
// the acting user, checks the permission policy and the user's scope (outside it: not
// found), runs in one transaction — validation (shape rules from domain/, references through
// the store), the write, its audit row — and returns the stored record, or an error and no
// change.
#include <nlohmann/json.hpp>

#include "app/policy.h"
#include "domain/list_query.h"
#include "domain/project.h"
#include "store/db.h"

namespace kc::app {

Result<Program> create_program(store::Connection& db, const Actor& a, const Program& p);
// `reason`: why the change is made (kept in the audit row, shown in the history).
Result<Program> update_program(store::Connection& db, const Actor& a, const Program& p,
                               const std::string& reason = {});
Result<Program> get_program(store::Connection& db, const Actor& a, std::int64_t id);
Result<Page<Program>> list_programs(store::Connection& db, const Actor& a, ListQuery q);

Result<Organization> create_organization(store::Connection& db, const Actor& a,
                                         const Organization& o);
Result<Organization> update_organization(store::Connection& db, const Actor& a,
                                         const Organization& o, const std::string& reason = {});
Result<Organization> get_organization(store::Connection& db, const Actor& a, std::int64_t id);
Result<Page<Organization>> list_organizations(store::Connection& db, const Actor& a, ListQuery q);

Result<Facility> create_facility(store::Connection& db, const Actor& a, const Facility& f);
Result<Facility> update_facility(store::Connection& db, const Actor& a, const Facility& f,
                                 const std::string& reason = {});
Result<Facility> get_facility(store::Connection& db, const Actor& a, std::int64_t id);
Result<Page<Facility>> list_facilities(store::Connection& db, const Actor& a, ListQuery q);

// The audit history of an organization or a facility the user may read (else not found):
// who changed what and why, oldest first.
Result<nlohmann::json> organization_history(store::Connection& db, const Actor& a, std::int64_t id);
Result<nlohmann::json> facility_history(store::Connection& db, const Actor& a, std::int64_t id);

// Writes inside a caller's transaction (imports stage many records in one transaction).
Result<std::int64_t> insert_organization_checked(store::Connection& db, const Actor& a,
                                                 const Organization& o);
Result<std::int64_t> insert_facility_checked(store::Connection& db, const Actor& a,
                                             const Facility& f);

}  // namespace kc::app

#pragma once
// The one permission policy. Every route names the Permission it needs (http/routes.cc);
// every use case receives the acting user and narrows what it reads and writes to the
// user's Scope. A record outside the scope is reported as not found, so that its existence
// does not leak.
//
//   admin       accounts and settings
//   ministry    reads everything; approves plan decisions (later)
//   department  programs, proposals, appraisal, plans, contracts, reports: everything
//   appraiser   reads and scores only the proposals assigned to them
//   province    its own province's organizations, facilities and proposals
//   unit        its own organization's proposals and projects
//   anonymous   only what is published (reference data, the API description)
//   system      the command line on the server itself (imports, demo): everything
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/list_query.h"

namespace kc::app {

enum class Role { anonymous, system, admin, ministry, department, appraiser, province, unit };

std::string_view role_name(Role r);
std::optional<Role> role_from_name(std::string_view name);
// The roles a user account can have (not anonymous, not system).
const std::vector<Role>& account_roles();

struct Actor {
  Role role = Role::anonymous;
  std::int64_t user_id = 0;
  std::string login;
  std::string province_2025;         // province users; units: their organization's province
  std::int64_t organization_id = 0;  // unit users

  static Actor system(std::string who) { return {Role::system, 0, std::move(who), {}, 0}; }
};

enum class Permission {
  public_read,  // anyone, logged in or not
  own_session,  // any logged-in user
  read_programs,
  write_programs,
  read_places,  // organizations and facilities
  write_places,
  read_projects,
  write_projects,
  manage_users,
  read_audit,
  read_rounds,       // registration rounds, councils and rankings
  manage_rounds,     // open and change registration rounds
  manage_councils,   // set up councils, assign proposals, record conclusions
  score,             // score the proposals assigned to oneself
  read_plans,        // plan scenarios, results and decisions
  build_plans,       // solve and save scenarios (a province: its own local program)
  decide_plans,      // approve a scenario as a plan decision
  read_execution,    // contracts, payments, progress reports, acceptances, completion
  manage_contracts,  // draft, sign, pay, accept, settle (a province: its local program's)
  report_progress,   // file progress reports (units on their own projects)
  manage_fairs,      // trade fairs and booth support (a province: its own fairs and facilities)
  manage_products,   // typical products' recognition (a province: up to its own level)
  manage_clusters,   // the register of industrial clusters (a province: its own)
  edit_bulletin,     // write, schedule and publish the public bulletin's articles
  read_petitions,    // localities' petitions (a province: its own)
  file_petitions,    // file a petition to the department (a province)
  answer_petitions,  // assign and answer petitions (the department)
};

bool may(const Actor& a, Permission p);
// Every permission with its API name ("write_projects", ...), in enum order.
const std::vector<std::pair<Permission, std::string_view>>& permission_names();
// What the user may do, by name, and the project statuses the user may set: the UI shows
// only the actions and options that the server would accept.
std::vector<std::string_view> permissions_of(const Actor& a);
std::vector<std::string_view> settable_statuses(const Actor& a);
// The account roles that have a permission (for the route table and its tests).
std::vector<Role> roles_with(Permission p);

// What part of the register a user sees.
struct Scope {
  bool all = false;
  bool none = false;
  std::string province_2025;         // when set: only records in this (34-set) province
  std::int64_t organization_id = 0;  // when set: only projects of this implementing unit
  std::int64_t assignee = 0;         // when set: only projects assigned to this appraiser
};
Scope project_scope(const Actor& a);
Scope place_scope(const Actor& a);  // organizations and facilities
// Narrows a list query to a scope (the only writer of ListQuery's scope fields).
void apply_scope(ListQuery& q, const Scope& s);

}  // namespace kc::app

#include "app/policy.h"

#include <algorithm>

#include "domain/workflow.h"

namespace kc::app {
namespace {

constexpr std::pair<Role, std::string_view> kNames[] = {
    {Role::anonymous, "anonymous"},   {Role::system, "system"},
    {Role::admin, "admin"},           {Role::ministry, "ministry"},
    {Role::department, "department"}, {Role::appraiser, "appraiser"},
    {Role::province, "province"},     {Role::unit, "unit"}};

bool in(Role r, std::initializer_list<Role> roles) {
  return std::find(roles.begin(), roles.end(), r) != roles.end();
}

}  // namespace

std::string_view role_name(Role r) {
  for (auto [role, name] : kNames)
    if (role == r) return name;
  return "anonymous";
}

std::optional<Role> role_from_name(std::string_view name) {
  for (auto r : account_roles())
    if (role_name(r) == name) return r;
  return std::nullopt;
}

const std::vector<Role>& account_roles() {
  static const std::vector<Role> kRoles{Role::admin,     Role::ministry, Role::department,
                                        Role::appraiser, Role::province, Role::unit};
  return kRoles;
}

bool may(const Actor& a, Permission p) {
  if (p == Permission::public_read) return true;
  if (a.role == Role::anonymous) return false;
  if (a.role == Role::system) return true;
  using R = Role;
  switch (p) {
    case Permission::public_read:
      return true;
    case Permission::own_session:
      return true;
    case Permission::read_programs:
      return true;
    case Permission::write_programs:
      return in(a.role, {R::department});
    case Permission::read_places:
      return in(a.role, {R::admin, R::ministry, R::department, R::province, R::unit});
    case Permission::write_places:
      return in(a.role, {R::department, R::province});
    case Permission::read_projects:
      return in(a.role, {R::ministry, R::department, R::appraiser, R::province, R::unit});
    case Permission::write_projects:
      return in(a.role, {R::department, R::province, R::unit});
    case Permission::manage_users:
      return in(a.role, {R::admin});
    case Permission::read_audit:
      return in(a.role, {R::admin, R::ministry});
    case Permission::read_rounds:
      return in(a.role, {R::ministry, R::department, R::appraiser, R::province, R::unit});
    case Permission::manage_rounds:
      return in(a.role, {R::department});
    case Permission::manage_councils:
      return in(a.role, {R::department, R::province});
    case Permission::score:
      return in(a.role, {R::appraiser});
    case Permission::read_plans:
      return in(a.role, {R::ministry, R::department, R::province});
    case Permission::build_plans:
      return in(a.role, {R::department, R::province});
    case Permission::decide_plans:  // the national plan: the ministry; a local one: its province
      return in(a.role, {R::ministry, R::province});
    case Permission::read_execution:
      return in(a.role, {R::ministry, R::department, R::province, R::unit});
    case Permission::manage_contracts:
      return in(a.role, {R::department, R::province});
    case Permission::report_progress:
      return in(a.role, {R::department, R::province, R::unit});
    case Permission::manage_fairs:
      return in(a.role, {R::department, R::province});
    case Permission::manage_products:
      return in(a.role, {R::department, R::province});
    case Permission::manage_clusters:
      return in(a.role, {R::department, R::province});
    case Permission::edit_bulletin:
      return in(a.role, {R::department});
    case Permission::read_petitions:
      return in(a.role, {R::ministry, R::department, R::province});
    case Permission::file_petitions:
      return in(a.role, {R::province});
    case Permission::answer_petitions:
      return in(a.role, {R::department});
  }
  return false;
}

const std::vector<std::pair<Permission, std::string_view>>& permission_names() {
  using P = Permission;
  static const std::vector<std::pair<Permission, std::string_view>> kNames{
      {P::public_read, "public_read"},
      {P::own_session, "own_session"},
      {P::read_programs, "read_programs"},
      {P::write_programs, "write_programs"},
      {P::read_places, "read_places"},
      {P::write_places, "write_places"},
      {P::read_projects, "read_projects"},
      {P::write_projects, "write_projects"},
      {P::manage_users, "manage_users"},
      {P::read_audit, "read_audit"},
      {P::read_rounds, "read_rounds"},
      {P::manage_rounds, "manage_rounds"},
      {P::manage_councils, "manage_councils"},
      {P::score, "score"},
      {P::read_plans, "read_plans"},
      {P::build_plans, "build_plans"},
      {P::decide_plans, "decide_plans"},
      {P::read_execution, "read_execution"},
      {P::manage_contracts, "manage_contracts"},
      {P::report_progress, "report_progress"},
      {P::manage_fairs, "manage_fairs"},
      {P::manage_products, "manage_products"},
      {P::manage_clusters, "manage_clusters"},
      {P::edit_bulletin, "edit_bulletin"},
      {P::read_petitions, "read_petitions"},
      {P::file_petitions, "file_petitions"},
      {P::answer_petitions, "answer_petitions"}};
  return kNames;
}

std::vector<std::string_view> permissions_of(const Actor& a) {
  std::vector<std::string_view> out;
  for (const auto& [p, name] : permission_names())
    if (may(a, p)) out.push_back(name);
  return out;
}

std::vector<std::string_view> settable_statuses(const Actor& a) {
  if (a.role == Role::system) return {std::begin(kProjectStatuses), std::end(kProjectStatuses)};
  if (!may(a, Permission::write_projects)) return {};
  return {"draft"};  // every later status comes from a workflow action
}

std::vector<Role> roles_with(Permission p) {
  std::vector<Role> out;
  if (p == Permission::public_read) out.push_back(Role::anonymous);
  for (auto r : account_roles())
    if (may(Actor{r, 1, "x", {}, 0}, p)) out.push_back(r);
  return out;
}

Scope project_scope(const Actor& a) {
  switch (a.role) {
    case Role::province:
      return {false, false, a.province_2025, 0};
    case Role::unit:
      return {false, false, {}, a.organization_id};
    case Role::appraiser:
      return {false, false, {}, 0, a.user_id};
    case Role::anonymous:
      return {false, true, {}, 0};
    default:
      return {true, false, {}, 0};
  }
}

Scope place_scope(const Actor& a) {
  switch (a.role) {
    case Role::province:
    case Role::unit:
      return {false, a.province_2025.empty(), a.province_2025, 0};
    case Role::anonymous:
    case Role::appraiser:
      return {false, true, {}, 0};
    default:
      return {true, false, {}, 0};
  }
}

void apply_scope(ListQuery& q, const Scope& s) {
  if (s.all) return;
  q.scope_none = s.none;
  q.scope_province = s.province_2025;
  q.scope_org = s.organization_id;
  q.scope_assignee = s.assignee;
}

}  // namespace kc::app

#include "app/policy.h"

#include <gtest/gtest.h>

namespace kc::app {
namespace {

Actor as(Role r) {
  return {r, 1, "u", r == Role::province ? "01" : "", r == Role::unit ? 7 : 0};
}

TEST(Policy, RolesHaveExactlyTheirPermissions) {
  using P = Permission;
  struct Case {
    Permission p;
    std::vector<Role> allowed;
  } cases[] = {
      {P::public_read,
       {Role::anonymous, Role::admin, Role::ministry, Role::department, Role::appraiser,
        Role::province, Role::unit}},
      {P::write_programs, {Role::department}},
      {P::read_projects,
       {Role::ministry, Role::department, Role::appraiser, Role::province, Role::unit}},
      {P::write_projects, {Role::department, Role::province, Role::unit}},
      {P::manage_users, {Role::admin}},
      {P::read_audit, {Role::admin, Role::ministry}},
  };
  for (const auto& c : cases) EXPECT_EQ(roles_with(c.p), c.allowed) << static_cast<int>(c.p);
  EXPECT_FALSE(may(Actor{}, Permission::own_session));
  EXPECT_TRUE(may(Actor::system("cli"), Permission::manage_users));
}

TEST(Policy, ScopesNarrowProvinceUnitAndAppraiser) {
  EXPECT_TRUE(project_scope(as(Role::department)).all);
  EXPECT_TRUE(project_scope(as(Role::ministry)).all);
  EXPECT_EQ(project_scope(as(Role::province)).province_2025, "01");
  EXPECT_EQ(project_scope(as(Role::unit)).organization_id, 7);
  EXPECT_FALSE(project_scope(as(Role::appraiser)).all);
  EXPECT_EQ(project_scope(as(Role::appraiser)).assignee, as(Role::appraiser).user_id)
      << "an appraiser sees the proposals assigned to them";
  EXPECT_TRUE(place_scope(as(Role::unit)).none) << "a unit without a province sees no places";
}

TEST(Policy, RoleNamesRoundTrip) {
  for (auto r : account_roles()) EXPECT_EQ(role_from_name(role_name(r)), r);
  EXPECT_EQ(role_from_name("system"), std::nullopt);
  EXPECT_EQ(role_from_name("anonymous"), std::nullopt);
}

}  // namespace
}  // namespace kc::app

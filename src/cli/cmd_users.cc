// `user add|passwd|disable|list`, `audit verify` and `routes`.
#include <unistd.h>

#include <iostream>

#include "app/accounts.h"
#include "cli/commands.h"
#include "cli/progress.h"
#include "crypto/crypto.h"
#include "http/router.h"
#include "store/audit_repo.h"

namespace kc::cli {
namespace {

const app::Actor kCli = app::Actor::system("cli");

std::string read_password_or_generate(bool from_stdin, bool& generated) {
  generated = !from_stdin;
  if (!from_stdin) return crypto::random_token(12);
  std::string line;
  std::getline(std::cin, line);
  return line;
}

}  // namespace

void add_user(CLI::App& app, int& exit_code) {
  auto* user = app.add_subcommand("user", "Manage user accounts");
  user->require_subcommand(1);
  struct Args {
    std::string db = kDefaultDb, login, role, name, province, organization;
    bool password_stdin = false;
  };
  auto a = std::make_shared<Args>();

  auto* add = user->add_subcommand("add", "Create an account; prints a one-time password");
  add->add_option("login", a->login, "Login name")->required();
  add->add_option("--role", a->role, "admin | ministry | department | appraiser | province | unit")
      ->required();
  add->add_option("--name", a->name, "Display name")->required();
  add->add_option("--province", a->province, "For province users: SET:CODE, e.g. 2008:01");
  add->add_option("--organization", a->organization, "For unit users: the organization id");
  add->add_flag("--password-stdin", a->password_stdin, "Read the password from standard input");
  add->add_option("--db", a->db, "Database")->capture_default_str();
  add->callback([a, &exit_code] {
    with_db(a->db, exit_code, [&](store::Connection& db) -> Status {
      app::UserInput in{a->login, a->name, a->role, std::nullopt, 0, false, 0};
      if (auto colon = a->province.find(':'); colon != std::string::npos)
        in.province = ProvinceRef{a->province.substr(0, colon), a->province.substr(colon + 1)};
      if (!a->organization.empty()) {
        auto id = parse_id(a->organization);
        if (!id)
          return std::unexpected(
              Error::invalid("bad organization id", {{"--organization", FieldCode::not_id}}));
        in.organization_id = *id;
      }
      bool generated = false;
      std::string password = read_password_or_generate(a->password_stdin, generated);
      auto u = app::create_user(db, kCli, in, password);
      if (!u) return std::unexpected(u.error());
      std::cout << "Created " << u->login << " (" << u->role << ").";
      if (generated) std::cout << " One-time password: " << password;
      std::cout << "\n";
      return {};
    });
  });

  auto* passwd =
      user->add_subcommand("passwd", "Set a new password (generated unless --password-stdin)");
  passwd->add_option("login", a->login, "Login name")->required();
  passwd->add_flag("--password-stdin", a->password_stdin, "Read the password from standard input");
  passwd->add_option("--db", a->db, "Database")->capture_default_str();
  passwd->callback([a, &exit_code] {
    with_db(a->db, exit_code, [&](store::Connection& db) -> Status {
      auto u = app::find_user(db, a->login);
      if (!u) return std::unexpected(u.error());
      bool generated = false;
      std::string password = read_password_or_generate(a->password_stdin, generated);
      if (auto s = app::set_user_password(db, kCli, u->id, password); !s) return s;
      std::cout << "Password of " << u->login << " changed.";
      if (generated) std::cout << " One-time password: " << password;
      std::cout << "\n";
      return {};
    });
  });

  auto* disable = user->add_subcommand("disable", "Disable an account and end its sessions");
  disable->add_option("login", a->login, "Login name")->required();
  disable->add_option("--db", a->db, "Database")->capture_default_str();
  disable->callback([a, &exit_code] {
    with_db(a->db, exit_code, [&](store::Connection& db) -> Status {
      auto u = app::find_user(db, a->login);
      if (!u) return std::unexpected(u.error());
      app::UserInput in{u->login, u->display_name, u->role, u->province, u->organization_id,
                        true,     u->version};
      auto r = app::update_user(db, kCli, u->id, in);
      if (!r) return std::unexpected(r.error());
      std::cout << "Disabled " << u->login << ".\n";
      return {};
    });
  });

  auto* list = user->add_subcommand("list", "List accounts");
  list->add_option("--db", a->db, "Database")->capture_default_str();
  list->callback([a, &exit_code] {
    with_db(a->db, exit_code, [&](store::Connection& db) -> Status {
      auto us = app::list_users(db, kCli);
      if (!us) return std::unexpected(us.error());
      for (const auto& u : *us) {
        std::cout << u.login << "\t" << u.role << "\t" << u.display_name;
        if (u.province) std::cout << "\tprovince " << u.province->set << ":" << u.province->code;
        if (u.organization_id) std::cout << "\torganization " << u.organization_id;
        if (u.disabled) std::cout << "\tdisabled";
        if (u.demo_password) std::cout << "\tdemo password";
        std::cout << "\n";
      }
      return {};
    });
  });
}

void add_audit(CLI::App& app, int& exit_code) {
  auto* audit = app.add_subcommand("audit", "The audit trail");
  audit->require_subcommand(1);
  auto db = std::make_shared<std::string>(kDefaultDb);
  auto* verify = audit->add_subcommand(
      "verify", "Walk the hash chain; name the first row that does not match");
  verify->add_option("--db", *db, "Database")->capture_default_str();
  verify->callback([db, &exit_code] {
    with_db(*db, exit_code, [&](store::Connection& c) -> Status {
      ProgressBar bar("audit rows");
      auto check = store::verify_audit(c, [&](std::size_t d, std::size_t t) { bar.update(d, t); });
      bar.finish();
      if (!check) return std::unexpected(check.error());
      if (check->first_bad_id)
        return std::unexpected(Error::of(
            ErrorKind::corrupt, "audit chain broken at row " +
                                    std::to_string(*check->first_bad_id) + ": " + check->problem));
      std::cout << "Audit chain verified: " << check->rows << " rows.\n";
      return {};
    });
  });
}

void add_routes(CLI::App& app, int&) {
  auto* routes =
      app.add_subcommand("routes", "Print the API's route table with the roles allowed (JSON)");
  routes->callback([] {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& r : http::routes()) {
      nlohmann::json roles = nlohmann::json::array();
      for (auto role : app::roles_with(r.permission)) roles.push_back(app::role_name(role));
      out.push_back({{"method", r.method}, {"pattern", r.pattern}, {"roles", roles}});
    }
    std::cout << out.dump(1) << "\n";
  });
}

}  // namespace kc::cli

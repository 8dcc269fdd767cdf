#include "app/accounts.h"

#include "app/audit.h"
#include "app/checks.h"
#include "app/json_reader.h"
#include "app/register.h"
#include "crypto/crypto.h"
#include "store/reference_repo.h"
#include "store/register_repo.h"

#include <algorithm>

namespace kc::app {
namespace {

// A hash to verify against when the name does not exist, so that both cases cost the same.
const std::string& dummy_hash() {
  static const std::string h = crypto::hash_password(crypto::random_token(16));
  return h;
}

Error bad_login() {
  return Error::of(ErrorKind::unauthenticated, "wrong login name or password");
}

Status check_password_strength(const std::string& password) {
  if (password.size() < 10)
    return std::unexpected(
        Error::invalid("the password is too short",
                       {{"password", FieldCode::password_too_short, {{"min", "10"}}}}));
  return {};
}

// Fills the user's scope from the input and checks it against the role.
Result<User> to_user(store::Connection& db, const UserInput& in) {
  std::vector<FieldError> errors;
  auto role = role_from_name(in.role);
  if (!role)
    errors.push_back({"role",
                      FieldCode::one_of,
                      {{"allowed", "admin, ministry, department, appraiser, province, unit"}}});
  if (in.login.empty() || in.login.size() > 64)
    errors.push_back({"login", FieldCode::length_between, {{"min", "1"}, {"max", "64"}}});
  for (char c : in.login)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.')) {
      errors.push_back({"login", FieldCode::login_characters});
      break;
    }
  if (in.display_name.empty()) errors.push_back({"display_name", FieldCode::required});
  User u;
  u.login = in.login, u.display_name = in.display_name, u.role = in.role, u.disabled = in.disabled;
  u.version = in.version;
  if (role == Role::province) {
    if (!in.province) {
      errors.push_back({"province", FieldCode::required_for, {{"what", "province"}}});
    } else {
      auto f = province_facts(db, *in.province, "province", errors);
      if (!f) return std::unexpected(f.error());
      if (*f) u.province = in.province, u.province_2025 = (*f)->province_2025;
    }
  }
  if (role == Role::unit) {
    if (in.organization_id <= 0) {
      errors.push_back({"organization_id", FieldCode::required_for, {{"what", "unit"}}});
    } else {
      auto province = store::place_province(db, "organizations", in.organization_id);
      if (!province) return std::unexpected(province.error());
      if (!*province)
        errors.push_back({"organization_id",
                          FieldCode::no_such_record,
                          {{"id", std::to_string(in.organization_id)}}});
      else
        u.organization_id = in.organization_id, u.province_2025 = **province;
    }
  }
  if (auto s = fail_if_any(std::move(errors), "user"); !s) return std::unexpected(s.error());
  return u;
}

}  // namespace

Actor actor_of(const User& u) {
  return {role_from_name(u.role).value_or(Role::anonymous), u.id, u.login, u.province_2025,
          u.organization_id};
}

Result<LoginResult> login(store::Connection& db, const std::string& name,
                          const std::string& password, const SessionSettings& s,
                          const LoginPolicy& policy, std::int64_t now) {
  auto tx = store::Transaction::write(db);
  if (!tx) return std::unexpected(tx.error());
  auto t = store::get_throttle(db, name);
  if (!t) return std::unexpected(t.error());
  if (t->locked_until > now || t->next_allowed_at > now) {
    Error e = Error::of(ErrorKind::throttled, "too many failed attempts; try again later");
    e.retry_after = static_cast<int>(std::max(t->locked_until, t->next_allowed_at) - now);
    return std::unexpected(e);
  }
  auto user = store::find_user_by_login(db, name);
  if (!user) return std::unexpected(user.error());
  bool ok = crypto::verify_password(password, *user ? (*user)->password_hash : dummy_hash());
  if (!ok || !*user || (*user)->disabled) {
    Throttle next = *t;
    ++next.failures;
    if (next.failures >= policy.lock_after) {
      next.locked_until = now + policy.lock_seconds;
    } else if (next.failures > policy.free_failures) {
      next.next_allowed_at = now + (std::int64_t{1} << (next.failures - policy.free_failures));
    }
    if (auto p = store::put_throttle(db, name, next); !p) return std::unexpected(p.error());
    if (auto c = tx->commit(); !c) return std::unexpected(c.error());
    return std::unexpected(bad_login());
  }
  if (auto c = store::clear_throttle(db, name); !c) return std::unexpected(c.error());
  LoginResult r{crypto::random_token(), crypto::random_token(), **user};
  Session session{crypto::sha256_hex(r.token), r.user.id, r.csrf, now, now,
                  now + s.absolute_seconds};
  if (auto i = store::insert_session(db, session); !i) return std::unexpected(i.error());
  if (auto c = tx->commit(); !c) return std::unexpected(c.error());
  return r;
}

Status logout(store::Connection& db, const std::string& token) {
  auto tx = store::Transaction::write(db);
  if (!tx) return std::unexpected(tx.error());
  if (auto d = store::delete_session(db, crypto::sha256_hex(token)); !d) return d;
  return tx->commit();
}

Result<std::optional<Authenticated>> authenticate(store::Connection& db, const std::string& token,
                                                  const SessionSettings& s, std::int64_t now,
                                                  SessionCache* cache, std::int64_t version) {
  if (token.empty()) return std::optional<Authenticated>{};
  std::string hash = crypto::sha256_hex(token);
  if (cache) {
    if (const CachedSession* hit = cache->find(hash, version, now, s))
      return std::optional<Authenticated>{Authenticated{hit->actor, hit->csrf, hit->user}};
    cache->erase(hash);
  }
  auto found = store::find_session_user(db, hash);
  if (!found) return std::unexpected(found.error());
  if (!*found) return std::optional<Authenticated>{};
  auto& [session, user] = **found;
  if (session.expires_at <= now || session.last_seen_at + s.idle_seconds <= now) {
    if (auto d = store::delete_session(db, hash); !d) return std::unexpected(d.error());
    return std::optional<Authenticated>{};
  }
  if (user.disabled) return std::optional<Authenticated>{};
  // Touch now and then (SessionSettings::touch_seconds): a write per request would be wasteful.
  if (now - session.last_seen_at >= s.touch_seconds()) {
    if (auto t = store::touch_session(db, hash, now); !t) return std::unexpected(t.error());
    session.last_seen_at = now;
  }
  Authenticated out{actor_of(user), session.csrf_token, user};
  if (cache) cache->put({out.actor, out.csrf, out.user, session, version});
  return std::optional<Authenticated>{std::move(out)};
}

nlohmann::json user_json(const User& u) {
  nlohmann::json province = nullptr;
  if (u.province) province = {{"set", u.province->set}, {"code", u.province->code}};
  return {{"id", u.id},
          {"login", u.login},
          {"display_name", u.display_name},
          {"role", u.role},
          {"province", province},
          {"organization_id",
           u.organization_id > 0 ? nlohmann::json(u.organization_id) : nlohmann::json(nullptr)},
          {"disabled", u.disabled},
          {"demo_password", u.demo_password},
          {"version", u.version}};
}

Result<UserInput> user_from_json(const nlohmann::json& j, bool for_update) {
  std::vector<FieldError> errors;
  JsonReader r(j, "", errors);
  UserInput in;
  if (for_update) {
    r.ignore("login");
    in.version = r.integer("version", true).value_or(0);
  } else {
    in.login = r.text("login", true);
  }
  for (const char* ro : {"id", "demo_password"}) r.ignore(ro);
  in.display_name = r.text("display_name", true);
  in.role = r.text("role", true);
  if (r.has("province")) {
    JsonReader p(j["province"], "province/", errors);
    in.province = ProvinceRef{p.text("set", true), p.text("code", true)};
    p.finish();
  }
  r.ignore("province");
  in.organization_id = r.integer("organization_id", false).value_or(0);
  in.disabled = r.boolean("disabled");
  r.finish();
  if (!errors.empty())
    return std::unexpected(Error::invalid("the user has invalid fields", std::move(errors)));
  return in;
}

Result<std::vector<User>> list_users(store::Connection& db, const Actor& a) {
  if (!may(a, Permission::manage_users)) return std::unexpected(Error::forbidden());
  return store::list_users(db);
}

namespace {

// Creates the account inside the caller's transaction.
Result<User> insert_user_checked(store::Connection& db, const Actor& a, const UserInput& in,
                                 const std::string& password, bool demo_password) {
  if (!may(a, Permission::manage_users)) return std::unexpected(Error::forbidden());
  if (!demo_password) {
    if (auto s = check_password_strength(password); !s) return std::unexpected(s.error());
  }
  {
    auto u = to_user(db, in);
    if (!u) return u;
    auto existing = store::find_user_by_login(db, in.login);
    if (!existing) return std::unexpected(existing.error());
    if (*existing)
      return std::unexpected(
          Error::invalid("the login is taken", {{"login", FieldCode::login_taken}}));
    u->password_hash = crypto::hash_password(password);
    u->demo_password = demo_password;
    auto id = store::insert_user(db, *u);
    if (!id) return std::unexpected(id.error());
    auto stored = store::get_user(db, *id);
    if (!stored) return stored;
    if (auto s = audit(db, a, "users", *id, "create", nullptr, user_json(*stored)); !s)
      return std::unexpected(s.error());
    return stored;
  }
}

}  // namespace

Result<User> create_user(store::Connection& db, const Actor& a, const UserInput& in,
                         const std::string& password, bool demo_password) {
  return in_write_tx(db, [&] { return insert_user_checked(db, a, in, password, demo_password); });
}

Result<User> update_user(store::Connection& db, const Actor& a, std::int64_t id,
                         const UserInput& in) {
  if (!may(a, Permission::manage_users)) return std::unexpected(Error::forbidden());
  return in_write_tx(db, [&]() -> Result<User> {
    auto before = store::get_user(db, id);
    if (!before) return before;
    UserInput named = in;
    named.login = before->login;
    auto u = to_user(db, named);
    if (!u) return u;
    u->id = id;
    if (auto s = store::update_user(db, *u); !s) return std::unexpected(s.error());
    if (u->disabled) {
      if (auto s = store::delete_user_sessions(db, id); !s) return std::unexpected(s.error());
    }
    auto stored = store::get_user(db, id);
    if (!stored) return stored;
    if (auto s = audit(db, a, "users", id, u->disabled && !before->disabled ? "disable" : "update",
                       user_json(*before), user_json(*stored));
        !s)
      return std::unexpected(s.error());
    return stored;
  });
}

Status set_user_password(store::Connection& db, const Actor& a, std::int64_t id,
                         const std::string& password) {
  if (!may(a, Permission::manage_users)) return std::unexpected(Error::forbidden());
  if (auto s = check_password_strength(password); !s) return s;
  return in_write_tx(db, [&]() -> Status {
    auto u = store::get_user(db, id);
    if (!u) return std::unexpected(u.error());
    if (auto s = store::set_password(db, id, crypto::hash_password(password), false); !s) return s;
    if (auto s = store::delete_user_sessions(db, id); !s) return s;
    return audit(db, a, "users", id, "password", nullptr, nullptr);  // never the password itself
  });
}

Status change_own_password(store::Connection& db, const Actor& a, const std::string& current,
                           const std::string& password) {
  if (!may(a, Permission::own_session) || a.user_id <= 0)
    return std::unexpected(Error::forbidden());
  if (auto s = check_password_strength(password); !s) return s;
  return in_write_tx(db, [&]() -> Status {
    auto u = store::find_user_by_login(db, a.login);
    if (!u) return std::unexpected(u.error());
    if (!*u || !crypto::verify_password(current, (*u)->password_hash))
      return std::unexpected(Error::invalid("the current password is wrong",
                                            {{"current_password", FieldCode::wrong_password}}));
    if (auto s = store::set_password(db, a.user_id, crypto::hash_password(password), false); !s)
      return s;
    if (auto s = store::delete_user_sessions(db, a.user_id); !s) return s;
    return audit(db, a, "users", a.user_id, "password", nullptr, nullptr);
  });
}

Result<User> find_user(store::Connection& db, const std::string& login) {
  auto u = store::find_user_by_login(db, login);
  if (!u) return std::unexpected(u.error());
  if (!*u) return std::unexpected(Error::not_found("no user " + login));
  return **u;
}

Result<std::optional<std::string>> ensure_first_admin(store::Connection& db) {
  auto n = store::count_users(db);
  if (!n) return std::unexpected(n.error());
  if (*n > 0) return std::optional<std::string>{};
  std::string password = crypto::random_token(12);
  auto u =
      create_user(db, Actor::system("init"),
                  {"admin", "Quản trị hệ thống", "admin", std::nullopt, 0, false, 0}, password);
  if (!u) return std::unexpected(u.error());
  return std::optional<std::string>{password};
}

namespace {

// The demo accounts, inside the caller's transaction.
Status demo_accounts(store::Connection& db, const Actor& a) {
  struct Demo {
    const char* login;
    const char* name;
    const char* role;
    const char* province;
  };
  auto unit_org = store::first_organization_of_kind(db, "provincial_center");
  if (!unit_org) return std::unexpected(unit_org.error());
  for (auto d : {Demo{"admin", "Quản trị hệ thống", "admin", nullptr},
                 Demo{"ministry", "Lãnh đạo Bộ Công Thương", "ministry", nullptr},
                 Demo{"department", "Chuyên viên Cục", "department", nullptr},
                 Demo{"appraiser1", "Thành viên hội đồng 1", "appraiser", nullptr},
                 Demo{"appraiser2", "Thành viên hội đồng 2", "appraiser", nullptr},
                 Demo{"appraiser3", "Chủ tịch hội đồng thẩm định", "appraiser", nullptr},
                 Demo{"appraiser4", "Thành viên hội đồng 4", "appraiser", nullptr},
                 Demo{"appraiser5", "Thành viên hội đồng 5", "appraiser", nullptr},
                 Demo{"province-01", "Sở Công Thương Hà Nội", "province", "01"},
                 Demo{"province-79", "Sở Công Thương TP Hồ Chí Minh", "province", "79"},
                 Demo{"unit-1", "Trung tâm Khuyến công (đơn vị thực hiện)", "unit", nullptr}}) {
    UserInput in{d.login, d.name, d.role, std::nullopt, 0, false, 0};
    if (d.province) in.province = ProvinceRef{"2008", d.province};
    if (std::string(d.role) == "unit") in.organization_id = *unit_org;
    if (auto u = insert_user_checked(db, a, in, "demo", true); !u)
      return std::unexpected(u.error());
  }
  return {};
}

}  // namespace

Status create_demo_accounts(store::Connection& db, const Actor& a) {
  return in_write_tx(db, [&] { return demo_accounts(db, a); });
}

Result<bool> demo_password_in_use(store::Connection& db) {
  auto n = store::count_demo_passwords(db);
  if (!n) return std::unexpected(n.error());
  return *n > 0;
}

}  // namespace kc::app

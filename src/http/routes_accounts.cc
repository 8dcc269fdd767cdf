// Sessions (login, who am I, logout), user administration and the audit trail.
#include <ctime>

#include "app/accounts.h"
#include "app/audit.h"
#include "crypto/crypto.h"
#include "http/reply.h"

namespace kc::http {
namespace {

using app::Permission;
using nlohmann::json;

std::string session_cookie(const std::string& token, std::int64_t max_age, bool tls) {
  return kSessionCookie + "=" + token +
         "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + std::to_string(max_age) +
         (tls ? "; Secure" : "");
}

json session_json(const User& u, const std::string& csrf) {
  auto actor = app::actor_of(u);
  return {{"user", app::user_json(u)},
          {"csrf_token", csrf},
          {"permissions", app::permissions_of(actor)},
          {"settable_statuses", app::settable_statuses(actor)},
          {"scope_province_2025", u.province_2025.empty() ? json(nullptr) : json(u.province_2025)}};
}

Response login(HandlerContext& ctx, Request& req) {
  std::string name, password;
  auto ok = read_body(req, "invalid login request", [&](app::JsonReader& r) {
    name = r.text("login", true), password = r.text("password", true);
  });
  if (!ok) return problem(ok.error(), req.path);
  auto result = app::login(ctx.db, name, password, ctx.sessions, ctx.logins, std::time(nullptr));
  if (!result) return problem(result.error(), req.path);
  Response res = json_response(session_json(result->user, result->csrf));
  res.headers.emplace_back("Set-Cookie",
                           session_cookie(result->token, ctx.sessions.absolute_seconds, req.tls));
  return res;
}

Response whoami(HandlerContext& ctx, Request& req) {
  auto user = app::find_user(ctx.db, ctx.actor.login);
  return reply(user, req, [&](const User& u) { return session_json(u, ctx.csrf); });
}

Response logout(HandlerContext& ctx, Request& req) {
  if (auto s = app::logout(ctx.db, session_token(req)); !s) return problem(s.error(), req.path);
  Response res{204, "application/json", "", {}};
  res.headers.emplace_back("Set-Cookie", session_cookie("", 0, req.tls));
  return res;
}

Response list_users(HandlerContext& ctx, Request& req) {
  return reply(app::list_users(ctx.db, ctx.actor), req, [](const std::vector<User>& us) {
    json items = json::array();
    for (const auto& u : us) items.push_back(app::user_json(u));
    return json{
        {"items", items}, {"total", items.size()}, {"page", 1}, {"page_size", items.size()}};
  });
}

// A new password from the body, or a generated one-time password returned once.
std::string password_from(app::JsonReader& r, bool& generated) {
  std::string p = r.text("password", false);
  generated = p.empty();
  return generated ? crypto::random_token(12) : p;
}

Response create_user(HandlerContext& ctx, Request& req) {
  auto body = body_of(req);
  if (!body) return problem(body.error(), req.path);
  json fields = *body;
  fields.erase("password");
  auto in = app::user_from_json(fields, false);
  if (!in) return problem(in.error(), req.path);
  std::vector<FieldError> errors;
  app::JsonReader r(*body, "", errors);
  bool generated = false;
  std::string password = password_from(r, generated);
  auto u = app::create_user(ctx.db, ctx.actor, *in, password);
  return reply(
      u, req,
      [&](const User& user) {
        json j = app::user_json(user);
        if (generated) j["one_time_password"] = password;
        return j;
      },
      201);
}

Response update_user(HandlerContext& ctx, Request& req) {
  auto id = path_id(req);
  if (!id) return problem(id.error(), req.path);
  auto body = body_of(req);
  if (!body) return problem(body.error(), req.path);
  auto in = app::user_from_json(*body, true);
  if (!in) return problem(in.error(), req.path);
  return reply(app::update_user(ctx.db, ctx.actor, *id, *in), req, app::user_json);
}

Response set_password(HandlerContext& ctx, Request& req) {
  auto id = path_id(req);
  if (!id) return problem(id.error(), req.path);
  bool generated = false;
  std::string password;
  auto ok = read_body(req, "invalid request",
                      [&](app::JsonReader& r) { password = password_from(r, generated); });
  if (!ok) return problem(ok.error(), req.path);
  if (auto s = app::set_user_password(ctx.db, ctx.actor, *id, password); !s)
    return problem(s.error(), req.path);
  json j = json::object();
  if (generated) j["one_time_password"] = password;
  return json_response(j);
}

Response change_password(HandlerContext& ctx, Request& req) {
  std::string current, password;
  auto ok = read_body(req, "invalid password change", [&](app::JsonReader& r) {
    current = r.text("current_password", true), password = r.text("new_password", true);
  });
  if (!ok) return problem(ok.error(), req.path);
  if (auto s = app::change_own_password(ctx.db, ctx.actor, current, password); !s)
    return problem(s.error(), req.path);
  return Response{204, "application/json", "", {}};
}

Response recent_audit(HandlerContext& ctx, Request& req) {
  return reply(app::recent_audit(ctx.db, ctx.actor, 200), req, [](const json& j) { return j; });
}

}  // namespace

void add_account_routes(std::vector<Route>& t) {
  t.push_back({"POST", "/api/v1/session",
               "Log in (sets the session cookie; returns the CSRF token)", Permission::public_read,
               login});
  t.push_back({"GET", "/api/v1/session", "The logged-in user and the session's CSRF token",
               Permission::own_session, whoami});
  t.push_back({"DELETE", "/api/v1/session", "Log out", Permission::own_session, logout});
  t.push_back({"PUT", "/api/v1/session/password",
               "Change one's own password (the current one is asked; every session ends)",
               Permission::own_session, change_password});
  t.push_back({"GET", "/api/v1/users", "List user accounts", Permission::manage_users, list_users});
  t.push_back({"POST", "/api/v1/users",
               "Create a user (without password: a one-time password is returned)",
               Permission::manage_users, create_user});
  t.push_back({"PUT", "/api/v1/users/{id}", "Update a user (role, scope, disabled)",
               Permission::manage_users, update_user});
  t.push_back({"POST", "/api/v1/users/{id}/password", "Set or reset a user's password",
               Permission::manage_users, set_password});
  t.push_back({"GET", "/api/v1/audit", "The latest 200 rows of the audit trail",
               Permission::read_audit, recent_audit});
}

}  // namespace kc::http

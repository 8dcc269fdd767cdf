// Routes of notifications: the user's own notifications and choices, and the administrator's
// view of the mail outbox. Thin: read, call app/, reply.
#include "app/notifications.h"
#include "http/reply.h"

namespace kc::http {
namespace {

using app::json;
using app::Permission;

// The one query parameter a route accepts (its value, "" when absent), or the 400 naming the
// parameter it does not know.
Result<std::string> only_parameter(const Request& req, const char* name) {
  for (const auto& [key, value] : req.query)
    if (key != name)
      return std::unexpected(
          Error::invalid("invalid query parameters", {{key, FieldCode::unknown_parameter}}));
  auto it = req.query.find(name);
  return it == req.query.end() ? "" : it->second;
}

Response list_mine(HandlerContext& ctx, Request& req) {
  auto unread = only_parameter(req, "unread");
  if (!unread) return problem(unread.error(), req.path);
  if (!unread->empty() && *unread != "true" && *unread != "false")
    return problem(Error::invalid("invalid query", {{"unread", FieldCode::not_boolean}}), req.path);
  return reply(app::my_notifications(ctx.db, ctx.actor, *unread == "true"), req, as_is);
}

Response read_one(HandlerContext& ctx, Request& req) {
  auto id = path_id(req);
  if (!id) return problem(id.error(), req.path);
  return reply(app::mark_read(ctx.db, ctx.actor, *id), req, as_is);
}

Response read_all(HandlerContext& ctx, Request& req) {
  return reply(app::mark_read(ctx.db, ctx.actor, 0), req, as_is);
}

Response settings(HandlerContext& ctx, Request& req) {
  return reply(app::notification_settings(ctx.db, ctx.actor), req, as_is);
}

Response save_settings(HandlerContext& ctx, Request& req) {
  auto body = body_of(req);
  if (!body) return problem(body.error(), req.path);
  return reply(app::save_notification_settings(ctx.db, ctx.actor, *body), req, as_is);
}

Response outbox(HandlerContext& ctx, Request& req) {
  auto status = only_parameter(req, "status");
  if (!status) return problem(status.error(), req.path);
  return reply(app::mail_outbox_json(ctx.db, ctx.actor, *status), req, as_is);
}

}  // namespace

void add_notification_routes(std::vector<Route>& t) {
  auto own = Permission::own_session;
  t.push_back({"GET", "/api/v1/notifications",
               "Your notifications, newest first (?unread=true: only the unread), with the "
               "unread count",
               own, list_mine});
  t.push_back({"POST", "/api/v1/notifications/{id}/read", "Mark one of your notifications read",
               own, read_one});
  t.push_back(
      {"POST", "/api/v1/notifications/read", "Mark all your notifications read", own, read_all});
  t.push_back({"GET", "/api/v1/notification-settings",
               "Your e-mail address and what you receive, in the app and by e-mail, per kind", own,
               settings});
  t.push_back({"PUT", "/api/v1/notification-settings",
               "Set your e-mail address and what you receive per kind", own, save_settings});
  t.push_back({"GET", "/api/v1/mail-outbox",
               "The latest e-mail of the outbox (?status=pending|sent|failed) with attempts and "
               "errors",
               Permission::manage_users, outbox});
}

}  // namespace kc::http

// Trade fairs and the booths the program supports there (app/fairs.h).
#include "app/codec.h"
#include "app/fairs.h"
#include "http/reply.h"

namespace kc::http {
namespace {

using app::Permission;
using nlohmann::json;

Response list_fairs(HandlerContext& ctx, Request& req) {
  auto q = app::list_query_from(req.query);
  if (!q) return problem(q.error(), req.path);
  return reply(app::list_fairs(ctx.db, ctx.actor, *q), req, as_is);
}

Response create_fair(HandlerContext& ctx, Request& req) {
  auto body = body_of(req);
  if (!body) return problem(body.error(), req.path);
  return reply(app::create_fair(ctx.db, ctx.actor, *body), req, as_is, 201);
}

}  // namespace

void add_fair_routes(std::vector<Route>& t) {
  auto R = Permission::read_places, W = Permission::manage_fairs;
  t.push_back({"GET", "/api/v1/fairs",
               "Trade fairs and exhibitions, with the booths supported there and the filter's "
               "totals (year, province, region, kind=domestic|abroad, q)",
               R, list_fairs, true});
  t.push_back({"POST", "/api/v1/fairs", "Register a fair", W, create_fair});
  t.push_back({"GET", "/api/v1/fairs/{id}", "One fair with its booth supports", R,
               get_one(app::fair_json), true});
  t.push_back({"PUT", "/api/v1/fairs/{id}", "Update a fair (send the version read)", W,
               post_to(app::update_fair)});
  t.push_back({"POST", "/api/v1/fairs/{id}/booths",
               "Support a facility's standard booths at the fair, within the dated ceiling per "
               "booth",
               W, post_to(app::add_booth, 201)});
}

}  // namespace kc::http

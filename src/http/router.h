#pragma once
// The API's route table. Every route is one row: method, path pattern with {params}, a
// summary, and the handler. The OpenAPI test and (later) the permission matrix test are
// generated from this table, so a route cannot exist without being documented.
#include <functional>
#include <string>
#include <vector>

#include "http/message.h"
#include "store/db.h"

namespace kc::http {

// What a handler may use: the worker's own database connection.
struct HandlerContext {
  store::Connection& db;
};

using Handler = std::function<Response(HandlerContext&, Request&)>;

struct Route {
  std::string method;
  std::string pattern;  // "/api/v1/projects/{id}"
  std::string summary;
  Handler handler;
};

// The complete route table (defined in routes.cc).
const std::vector<Route>& routes();

// Finds the route for method+path and fills req.path_params. Returns nullptr when no route
// matches; `path_matched` tells whether the path exists with another method (405).
const Route* match(const std::vector<Route>& table, Request& req, bool& path_matched);

// Runs the whole API for one request: matching, body checks, the handler, errors as
// problem+json. Never throws.
Response dispatch(HandlerContext& ctx, Request& req);

}  // namespace kc::http

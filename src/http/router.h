#pragma once
// The API's route table. Every route is one row: method, path pattern with {params}, a
// summary, the permission it needs and the handler. The OpenAPI test and the role x route
// matrix test (tests/api/permissions.test.mjs, from `khuyencong routes`) walk this table, so a
// route cannot exist without being documented and tested.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "app/accounts.h"
#include "app/jobs.h"
#include "app/policy.h"
#include "app/report_cache.h"
#include "http/message.h"
#include "http/response_cache.h"
#include "store/db.h"

namespace kc::http {

// What a handler may use: the worker's own database connection, the acting user
// (anonymous when there is no live session) and the session settings.
struct HandlerContext {
  store::Connection& db;
  ResponseCache* cache;        // the worker's; nullptr = no caching
  app::Background background;  // runs work on the server's pool (background jobs)
  app::SessionSettings sessions;
  app::LoginPolicy logins;
  app::Actor actor;
  std::string csrf;   // the session's CSRF token ("" when anonymous)
  std::string files;  // where stored files (attachments) are: store::files_dir
  // The replica reports read from (serve --report-db); nullptr = `db`.
  store::Connection* report_db = nullptr;
  store::Connection& reports() { return report_db ? *report_db : db; }
  // The server's reports' facts; nullptr = the reports read the database.
  app::ReportCache* report_cache = nullptr;
  std::shared_ptr<const store::ReportFacts> report_facts() {
    return report_cache ? report_cache->facts(reports()) : nullptr;
  }
  // The public site's base URL, no trailing slash (serve --public-url): feeds' absolute links.
  std::string public_url;
  app::SessionCache* session_cache = nullptr;  // the worker's; nullptr = read every time
  // The worker's cache of the answers that read no facility (Route::reads_facilities), kept
  // under DataVersion::outside_facilities; nullptr = they share `cache`.
  ResponseCache* facility_free_cache = nullptr;
};

using Handler = std::function<Response(HandlerContext&, Request&)>;

struct Route {
  std::string method;
  std::string pattern;  // "/api/v1/projects/{id}"
  std::string summary;
  app::Permission permission;  // checked for every request, before the handler
  Handler handler;
  // A GET whose answer depends only on the request, the user's scope and the data: answered
  // from the worker's ResponseCache and with an ETag (304 for If-None-Match).
  bool cacheable = false;
  // Work that may take seconds (exports, reports, solves): run on the server's pool.
  bool long_work = false;
  // The body is a file's bytes (any Content-Type), not JSON.
  bool raw_body = false;
  // Whether the answer may show anything of the facilities' register. A cacheable route that
  // reads no facility is kept through writes that change only that register (registering a
  // facility keeps the cached project lists). Set from facility_free_routes() (routes.cc); a test
  // checks: such a route's handler runs no SQL that names a facilities' table.
  bool reads_facilities = true;
};

inline const std::string kSessionCookie = "kc_session";

// The session token from the request's cookie ("" when none).
std::string session_token(const Request& req);

// The data version for this request: the one the server read before dispatch, else read now.
Result<store::DataVersion> data_version(HandlerContext& ctx, const Request& req);

// The complete route table (defined in routes.cc).
const std::vector<Route>& routes();
// The patterns of the GET routes whose answers read no facility (Route::reads_facilities).
const std::vector<std::string_view>& facility_free_routes();

// Finds the route for method+path and fills req.path_params. Returns nullptr when no route
// matches; `path_matched` tells whether the path exists with another method (405).
const Route* match(const std::vector<Route>& table, Request& req, bool& path_matched);

// Whether the route for method+path is long work.
bool runs_long(const std::string& method, const std::string& path);

// A POST whose body is a file (an import, an attachment, an article's image), allowed a
// larger body than JSON: POST /api/v1/imports/{kind}, /api/v1/projects/{id}/attachments and
// /api/v1/articles/{id}/images, with or without a query.
bool is_upload(bool post, std::string_view target);

// The methods routed for this path, as an Allow header value ("GET, HEAD, PUT").
std::string allowed_methods(const std::vector<Route>& table, const std::string& path);
// A 405 problem with its Allow header.
Response method_not_allowed(const std::string& method, const std::string& allow,
                            const std::string& path);

// Runs the whole API for one request: matching, authentication (session cookie), the
// permission policy (401 anonymous, 403 wrong role), CSRF for state-changing requests, body
// checks, the handler, errors as problem+json. Never throws.
Response dispatch(HandlerContext& ctx, Request& req);

// A cacheable GET answered through the worker's ResponseCache for `scope` (the part of the key
// that narrows answers: a user's scope, or the public site's): 304 when the client holds the
// current version, the kept answer when there is one, else the handler's (kept when a 200).
// `versions` are the data versions read for this request (app::data_version); the answer is
// keyed by `outside_facilities` when the route reads no facility, else by `all`.
Response cached(HandlerContext& ctx, Request& req, const Route& route, const std::string& scope,
                const store::DataVersion& versions);

// The public site's table (routes_site.cc): its pages are HTML, for anyone (public_read).
const std::vector<Route>& site_routes();
// Answers a path outside /api/ and /app/: a public page (through the same permission policy,
// as an anonymous reader), else a redirect of an old application path to /app/..., else 404.
Response dispatch_site(HandlerContext& ctx, Request& req);

}  // namespace kc::http

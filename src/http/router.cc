#include "http/router.h"

#include <ctime>
#include <optional>

#include "app/reference.h"
#include "domain/text.h"
#include "http/compress.h"
#include "http/problem.h"

namespace kc::http {
namespace {

// "/api/v1/projects/17/attachments" is head + a number + tail.
bool numbered(std::string_view t, std::string_view head, std::string_view tail) {
  if (!t.starts_with(head) || !t.ends_with(tail) || t.size() <= head.size() + tail.size())
    return false;
  for (char c : t.substr(head.size(), t.size() - head.size() - tail.size()))
    if (c < '0' || c > '9') return false;
  return true;
}

// The next segment of a path, skipping slashes ("" once the path is used up).
std::string_view next_segment(std::string_view& path) {
  while (!path.empty() && path.front() == '/') path.remove_prefix(1);
  std::string_view segment = path.substr(0, path.find('/'));
  path.remove_prefix(segment.size());
  return segment;
}

// Whether the path has the pattern's shape; `bind` is called with each {name} and its value.
// Nothing is allocated: every request tries the routes one after the other.
template <class Bind>
bool walk(std::string_view pattern, std::string_view path, Bind&& bind) {
  for (;;) {
    std::string_view p = next_segment(pattern), x = next_segment(path);
    if (p.empty() || x.empty()) return p.empty() && x.empty();
    if (p.front() == '{')
      bind(p.substr(1, p.size() - 2), x);
    else if (p != x)
      return false;
  }
}

bool matches(const std::string& pattern, std::string_view path,
             std::map<std::string, std::string>& params) {
  if (!walk(pattern, path, [](std::string_view, std::string_view) {})) return false;
  std::map<std::string, std::string> found;
  walk(pattern, path,
       [&](std::string_view name, std::string_view value) { found[std::string(name)] = value; });
  params = std::move(found);
  return true;
}

std::string cookie_value(const std::string& header, const std::string& name) {
  size_t pos = 0;
  while (pos < header.size()) {
    size_t end = header.find(';', pos);
    if (end == std::string::npos) end = header.size();
    std::string_view part = trim(std::string_view(header).substr(pos, end - pos));
    if (part.starts_with(name + "=")) return std::string(part.substr(name.size() + 1));
    pos = end + 1;
  }
  return {};
}

// Finds the acting user and applies the permission policy and the CSRF check. `version` is the
// data version read for this request (0: none read; the session cache is not used).
Status authorize(HandlerContext& ctx, const Request& req, const Route& route,
                 std::int64_t version) {
  auto auth = app::authenticate(ctx.db, session_token(req), ctx.sessions, std::time(nullptr),
                                version ? ctx.session_cache : nullptr, version);
  if (!auth) return std::unexpected(auth.error());
  if (*auth) {
    ctx.actor = (*auth)->actor;
    ctx.csrf = (*auth)->csrf;
  }
  if (!app::may(ctx.actor, route.permission)) {
    if (ctx.actor.role == app::Role::anonymous)
      return std::unexpected(Error::of(ErrorKind::unauthenticated, "log in first"));
    return std::unexpected(Error::forbidden());
  }
  bool changes_state = req.method != "GET" && req.method != "HEAD";
  bool is_login = route.pattern == "/api/v1/session" && req.method == "POST";
  if (changes_state && !is_login && ctx.actor.role != app::Role::anonymous &&
      req.csrf_token != ctx.csrf) {
    Error e = Error::forbidden("missing or wrong CSRF token (send the X-CSRF-Token header)");
    e.fields = {{"X-CSRF-Token", FieldCode::csrf_token}};
    return std::unexpected(e);
  }
  return {};
}

// The scope part of a cache key: everything the policy narrows answers by.
std::string scope_key(const app::Actor& a) {
  return std::string(app::role_name(a.role)) + '/' + a.province_2025 + '/' +
         std::to_string(a.organization_id) + '/' + std::to_string(app::project_scope(a).assignee);
}

}  // namespace

// The answer is kept as it is sent: gzipped for a client that accepts gzip (under its own
// key), so that a hit costs no compression.
Response cached(HandlerContext& ctx, Request& req, const Route& route, const std::string& scope,
                const store::DataVersion& versions) {
  // An answer that reads no facility is kept in a cache of its own, under the version that
  // registering a facility does not raise.
  const bool facility_free = !route.reads_facilities && ctx.facility_free_cache;
  ResponseCache* cache = facility_free ? ctx.facility_free_cache : ctx.cache;
  const std::int64_t version = facility_free ? versions.outside_facilities : versions.all;
  std::string key = ResponseCache::key(req, scope, version);
  std::string tag = ResponseCache::etag(key);
  auto with_tag = [&](Response r) {
    r.headers.emplace_back("ETag", tag);
    r.headers.emplace_back("Cache-Control", "private, no-cache");
    return r;
  };
  if (!req.if_none_match.empty() && req.if_none_match == tag)
    return with_tag(Response{http_status(ErrorKind::not_modified), "", "", {}});
  if (req.gzip) key += "|gzip";
  if (const Response* hit = cache->find(key, version)) return *hit;
  Response r = with_tag(route.handler(ctx, req));
  if (req.gzip) compress_answer(r);
  if (r.status == 200) cache->put(key, version, r);
  return r;
}

Result<store::DataVersion> data_version(HandlerContext& ctx, const Request& req) {
  if (req.data_version) return *req.data_version;
  return app::data_version(ctx.db);
}

std::string session_token(const Request& req) {
  return cookie_value(req.cookie, kSessionCookie);
}

const Route* match(const std::vector<Route>& table, Request& req, bool& path_matched) {
  path_matched = false;
  for (const auto& r : table) {
    std::map<std::string, std::string> params;
    if (!matches(r.pattern, req.path, params)) continue;
    path_matched = true;
    if (r.method == req.method || (req.method == "HEAD" && r.method == "GET")) {
      req.path_params = std::move(params);
      return &r;
    }
  }
  return nullptr;
}

bool is_upload(bool post, std::string_view t) {
  if (!post) return false;
  t = t.substr(0, t.find('?'));
  return t.starts_with("/api/v1/imports/") || numbered(t, "/api/v1/projects/", "/attachments") ||
         numbered(t, "/api/v1/articles/", "/images");
}

bool runs_long(const std::string& method, const std::string& path) {
  for (const auto& r : routes()) {
    std::map<std::string, std::string> params;
    if (r.long_work && r.method == method && matches(r.pattern, path, params)) return true;
  }
  return false;
}

std::string allowed_methods(const std::vector<Route>& table, const std::string& path) {
  std::string allow;
  for (const auto& r : table) {
    std::map<std::string, std::string> params;
    if (!matches(r.pattern, path, params)) continue;
    if (allow.find(r.method) == std::string::npos) allow += (allow.empty() ? "" : ", ") + r.method;
    if (r.method == "GET" && allow.find("HEAD") == std::string::npos) allow += ", HEAD";
  }
  return allow;
}

Response method_not_allowed(const std::string& method, const std::string& allow,
                            const std::string& path) {
  Response r = problem(
      Error::of(ErrorKind::method_not_allowed, method + " is not allowed here; use " + allow),
      path);
  r.headers.emplace_back("Allow", allow);
  return r;
}

Response dispatch(HandlerContext& ctx, Request& req) {
  bool path_matched = false;
  const Route* route = match(routes(), req, path_matched);
  if (!route) {
    if (path_matched)
      return method_not_allowed(req.method, allowed_methods(routes(), req.path), req.path);
    return problem(Error::not_found("no such API route"), req.path);
  }
  req.route = route->pattern;
  // The data version, read once: it keys the session cache and the response cache.
  const bool cacheable =
      route->cacheable && ctx.cache && (req.method == "GET" || req.method == "HEAD");
  store::DataVersion version;
  if (cacheable || (ctx.session_cache && !session_token(req).empty())) {
    auto v = data_version(ctx, req);
    if (!v) return problem(v.error(), req.path);
    version = *v;
  }
  if (auto s = authorize(ctx, req, *route, version.outside_facilities); !s)
    return problem(s.error(), req.path);
  if ((req.method == "POST" || req.method == "PUT") && !req.body.empty() && !route->raw_body) {
    std::string_view ct = req.content_type;
    if (!ct.starts_with("application/json"))
      return problem(Error{ErrorKind::unsupported,
                           "send the body as application/json",
                           {{"Content-Type", FieldCode::one_of, {{"allowed", "application/json"}}}},
                           0,
                           ""},
                     req.path);
  }
  try {
    if (cacheable) return cached(ctx, req, *route, scope_key(ctx.actor), version);
    return route->handler(ctx, req);
  } catch (const std::exception& e) {
    // A bug: handlers return errors as values. The access log records the 500.
    return problem(Error::internal(e.what()), req.path);
  }
}

}  // namespace kc::http

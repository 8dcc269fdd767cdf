#include "http/router.h"

#include <ctime>
#include <optional>

#include "domain/text.h"
#include "http/problem.h"

namespace kc::http {
namespace {

std::vector<std::string_view> segments(std::string_view path) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < path.size()) {
    if (path[i] == '/') {
      ++i;
      continue;
    }
    size_t j = path.find('/', i);
    if (j == std::string_view::npos) j = path.size();
    out.push_back(path.substr(i, j - i));
    i = j;
  }
  return out;
}

bool matches(const std::string& pattern, std::string_view path,
             std::map<std::string, std::string>& params) {
  auto ps = segments(pattern), xs = segments(path);
  if (ps.size() != xs.size()) return false;
  std::map<std::string, std::string> found;
  for (size_t i = 0; i < ps.size(); ++i) {
    if (ps[i].starts_with("{"))
      found[std::string(ps[i].substr(1, ps[i].size() - 2))] = std::string(xs[i]);
    else if (ps[i] != xs[i])
      return false;
  }
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

// Finds the acting user and applies the permission policy and the CSRF check.
std::optional<Response> authorize(HandlerContext& ctx, const Request& req, const Route& route) {
  auto auth = app::authenticate(ctx.db, session_token(req), ctx.sessions, std::time(nullptr));
  if (!auth) return problem(auth.error(), req.path);
  if (*auth) {
    ctx.actor = (*auth)->actor;
    ctx.csrf = (*auth)->csrf;
  }
  if (!app::may(ctx.actor, route.permission)) {
    if (ctx.actor.role == app::Role::anonymous)
      return problem(401, "Unauthenticated", "log in first", req.path);
    return problem(403, "Forbidden", "your role does not allow this", req.path);
  }
  bool changes_state = req.method != "GET" && req.method != "HEAD";
  bool is_login = route.pattern == "/api/v1/session" && req.method == "POST";
  if (changes_state && !is_login && ctx.actor.role != app::Role::anonymous &&
      req.csrf_token != ctx.csrf)
    return problem(403, "Forbidden", "missing or wrong CSRF token (send the X-CSRF-Token header)",
                   req.path, {{"X-CSRF-Token", "must be the token of your session"}});
  return std::nullopt;
}

}  // namespace

std::string session_token(const Request& req) {
  return cookie_value(req.cookie, kSessionCookie);
}

bool percent_decode(std::string_view in, std::string& out, bool plus_is_space) {
  out.clear();
  for (size_t i = 0; i < in.size(); ++i) {
    char c = in[i];
    if (c == '+' && plus_is_space) {
      out += ' ';
    } else if (c == '%') {
      if (i + 2 >= in.size() || !std::isxdigit(static_cast<unsigned char>(in[i + 1])) ||
          !std::isxdigit(static_cast<unsigned char>(in[i + 2])))
        return false;
      out += static_cast<char>(std::stoi(std::string(in.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      out += c;
    }
  }
  return true;
}

bool parse_query(std::string_view qs, std::map<std::string, std::string>& out) {
  while (!qs.empty()) {
    size_t amp = qs.find('&');
    std::string_view pair = qs.substr(0, amp);
    qs = amp == std::string_view::npos ? std::string_view{} : qs.substr(amp + 1);
    if (pair.empty()) continue;
    size_t eq = pair.find('=');
    std::string key, value;
    if (!percent_decode(pair.substr(0, eq), key, true)) return false;
    if (eq != std::string_view::npos && !percent_decode(pair.substr(eq + 1), value, true))
      return false;
    if (!is_valid_utf8(key) || !is_valid_utf8(value)) return false;
    if (!value.empty()) out[key] = value;  // an empty value means "no filter"
  }
  return true;
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

Response dispatch(HandlerContext& ctx, Request& req) {
  if (!req.query_ok)
    return problem(400, "Bad request", "the query string is malformed", req.path,
                   {{"query", "malformed percent-encoding or UTF-8"}});
  bool path_matched = false;
  const Route* route = match(routes(), req, path_matched);
  if (!route) {
    if (path_matched)
      return problem(405, "Method not allowed", req.method + " is not allowed here", req.path);
    return problem(404, "Not found", "no such API route", req.path);
  }
  req.route = route->pattern;
  if (auto denied = authorize(ctx, req, *route)) return *denied;
  if ((req.method == "POST" || req.method == "PUT") && !req.body.empty()) {
    std::string_view ct = req.content_type;
    if (!ct.starts_with("application/json"))
      return problem(415, "Unsupported media type", "send the body as application/json", req.path,
                     {{"Content-Type", "must be application/json"}});
  }
  try {
    return route->handler(ctx, req);
  } catch (const std::exception&) {
    // A bug: handlers return errors as values. The access log records the 500.
    return problem(500, "Internal error", "an internal error occurred", req.path);
  }
}

}  // namespace kc::http

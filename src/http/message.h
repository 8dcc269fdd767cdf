#pragma once
// The HTTP layer's own request and response, independent of Boost.Beast, so that routing and
// handlers compile without Beast and can be tested directly.
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace kc::http {

struct Request {
  std::string method;  // "GET", "POST", ...
  std::string path;    // decoded path without the query string
  std::map<std::string, std::string> query;
  std::map<std::string, std::string> path_params;  // filled by the router
  std::string content_type;
  std::string cookie;      // the Cookie header
  std::string csrf_token;  // the X-CSRF-Token header
  bool tls = false;        // X-Forwarded-Proto: https (behind a TLS proxy)
  std::string body;
  std::string request_id;
  std::string route;     // the matched route pattern, set by dispatch (for the access log)
  bool query_ok = true;  // false when the query string had bad percent-encoding
};

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
};

// Splits "a=1&b=x%20y" into a map; false when a percent-escape is malformed or the result
// is not valid UTF-8.
bool parse_query(std::string_view qs, std::map<std::string, std::string>& out);
// Decodes %XX escapes in a path; false when malformed.
bool percent_decode(std::string_view in, std::string& out, bool plus_is_space);

}  // namespace kc::http

#pragma once
// The HTTP layer's own request and response, independent of Boost.Beast, so that routing and
// handlers compile without Beast and can be tested directly.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "store/data_version.h"

namespace kc::http {

struct Request {
  std::string method;  // "GET", "POST", ...
  std::string path;    // decoded path without the query string
  std::map<std::string, std::string> query;
  std::map<std::string, std::string> path_params;  // filled by the router
  std::string content_type;
  std::string cookie;         // the Cookie header
  std::string csrf_token;     // the X-CSRF-Token header
  std::string if_none_match;  // the If-None-Match header (conditional GET)
  bool tls = false;           // X-Forwarded-Proto: https (behind a TLS proxy)
  bool gzip = false;          // Accept-Encoding accepts gzip
  bool brotli = false;        // Accept-Encoding accepts br (for the web build's .br twins)
  std::string body;
  std::string request_id;
  std::string route;  // the matched route pattern, set by dispatch (for the access log)
  // The data version, when the server read it before dispatch (http/version_reader.h).
  std::optional<store::DataVersion> data_version;
};

struct Response {
  Response() = default;
  Response(int s, std::string type, std::string b,
           std::vector<std::pair<std::string, std::string>> h = {})
      : status(s), content_type(std::move(type)), body(std::move(b)), headers(std::move(h)) {}
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string file;        // when set: sent as the body from disk, then removed
  bool keep_file = false;  // a stored file (an attachment): sent, never removed
};

}  // namespace kc::http

#include "http/problem.h"

#include <nlohmann/json.hpp>

namespace kc::http {

Response problem(const Error& e, const std::string& instance) {
  int status = http_status(e.kind);
  bool hidden =
      status >= 500 && e.kind != ErrorKind::not_implemented && e.kind != ErrorKind::unavailable;
  // Internal errors never leak their details (SQL, paths) to the client; they are logged.
  std::string detail = hidden ? "an internal error occurred" : e.message;
  nlohmann::json body{{"type", "/problems/" + std::string(kind_name(e.kind))},
                      {"title", title(e.kind)},
                      {"status", status},
                      {"detail", detail},
                      {"instance", instance}};
  if (!hidden && !e.code.empty()) body["code"] = e.code;
  if (!hidden && !e.fields.empty()) {
    nlohmann::json errors = nlohmann::json::array();
    for (const auto& f : e.fields) {
      nlohmann::json params = nlohmann::json::object();
      for (const auto& [k, v] : f.params) params[k] = v;
      errors.push_back({{"field", f.field},
                        {"message", f.message},
                        {"code", code_name(f.code)},
                        {"params", std::move(params)}});
    }
    body["errors"] = std::move(errors);
  }
  Response r{status,
             "application/problem+json",
             body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
             {}};
  if (e.kind == ErrorKind::throttled || e.kind == ErrorKind::unavailable)
    r.headers.emplace_back("Retry-After", std::to_string(e.retry_after > 0 ? e.retry_after : 1));
  return r;
}

}  // namespace kc::http

#include "http/problem.h"

#include <nlohmann/json.hpp>

namespace kc::http {
namespace {

std::string title_for(int status) {
  static const std::pair<int, const char*> kTitles[] = {
      {400, "Bad request"},       {401, "Unauthenticated"},        {403, "Forbidden"},
      {404, "Not found"},         {405, "Method not allowed"},     {409, "Conflict"},
      {413, "Payload too large"}, {415, "Unsupported media type"}, {422, "Invalid input"},
      {429, "Too many requests"}};
  for (auto [code, title] : kTitles)
    if (code == status) return title;
  return "Internal error";
}

}  // namespace

Response problem(int status, const std::string& title, const std::string& detail,
                 const std::string& instance, std::vector<FieldError> fields) {
  nlohmann::json errors = nlohmann::json::array();
  for (auto& f : fields) errors.push_back({{"field", f.field}, {"message", f.message}});
  std::string slug = title;
  for (auto& c : slug)
    c = c == ' ' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  nlohmann::json body{{"type", "/problems/" + slug},
                      {"title", title},
                      {"status", status},
                      {"detail", detail},
                      {"instance", instance}};
  if (!errors.empty()) body["errors"] = errors;
  return {status,
          "application/problem+json",
          body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
          {}};
}

Response problem(const Error& e, const std::string& instance) {
  int status = http_status(e.kind);
  // Internal errors never leak their details (SQL, paths) to the client; they are logged.
  std::string detail = e.kind == ErrorKind::internal ? "an internal error occurred" : e.message;
  return problem(status, title_for(status), detail, instance,
                 e.kind == ErrorKind::internal ? std::vector<FieldError>{} : e.fields);
}

}  // namespace kc::http

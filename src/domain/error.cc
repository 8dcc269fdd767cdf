#include "domain/error.h"

namespace kc {

Error Error::invalid(std::string message, std::vector<FieldError> fields) {
  return {ErrorKind::invalid_input, std::move(message), std::move(fields), 0, ""};
}
Error Error::bad_request(std::string message, std::vector<FieldError> fields) {
  return {ErrorKind::bad_request, std::move(message), std::move(fields), 0, ""};
}
Error Error::not_found(std::string message) {
  return of(ErrorKind::not_found, std::move(message));
}
Error conflict(std::string code, std::string message) {
  Error e = Error::conflict(std::move(message));
  e.code = std::move(code);
  return e;
}

Error Error::conflict(std::string message) {
  return of(ErrorKind::conflict, std::move(message));
}
Error Error::too_large(std::string message) {
  return of(ErrorKind::too_large, std::move(message));
}
Error Error::unsupported(std::string message) {
  return of(ErrorKind::unsupported, std::move(message));
}
Error Error::internal(std::string message) {
  return of(ErrorKind::internal, std::move(message));
}
Error Error::forbidden(std::string message) {
  return of(ErrorKind::forbidden, std::move(message));
}
Error Error::of(ErrorKind kind, std::string message) {
  return {kind, std::move(message), {}, 0, ""};
}

namespace {

struct KindInfo {
  ErrorKind kind;
  int http;
  int exit;
  std::string_view name;
  std::string_view title;
};

// The one place where an error kind becomes an HTTP status and a CLI exit code.
constexpr KindInfo kKinds[] = {
    {ErrorKind::not_modified, 304, 0, "not-modified", "Not modified"},
    {ErrorKind::bad_request, 400, 2, "bad-request", "Bad request"},
    {ErrorKind::unauthenticated, 401, 5, "unauthenticated", "Unauthenticated"},
    {ErrorKind::forbidden, 403, 5, "forbidden", "Forbidden"},
    {ErrorKind::not_found, 404, 3, "not-found", "Not found"},
    {ErrorKind::method_not_allowed, 405, 2, "method-not-allowed", "Method not allowed"},
    {ErrorKind::conflict, 409, 4, "conflict", "Conflict"},
    {ErrorKind::too_large, 413, 2, "too-large", "Payload too large"},
    {ErrorKind::unsupported, 415, 2, "unsupported", "Unsupported media type"},
    {ErrorKind::invalid_input, 422, 2, "invalid-input", "Invalid input"},
    {ErrorKind::throttled, 429, 5, "throttled", "Too many requests"},
    {ErrorKind::header_too_large, 431, 2, "header-too-large", "Request header fields too large"},
    {ErrorKind::internal, 500, 1, "internal", "Internal error"},
    {ErrorKind::not_implemented, 501, 2, "not-implemented", "Not implemented"},
    {ErrorKind::unavailable, 503, 7, "unavailable", "Service unavailable"},
    {ErrorKind::corrupt, 500, 6, "corrupt", "Integrity check failed"},
};

const KindInfo& info(ErrorKind kind) {
  for (const auto& k : kKinds)
    if (k.kind == kind) return k;
  return kKinds[12];  // internal
}

}  // namespace

int http_status(ErrorKind kind) {
  return info(kind).http;
}
int exit_code(ErrorKind kind) {
  return info(kind).exit;
}
std::string_view title(ErrorKind kind) {
  return info(kind).title;
}
std::string_view kind_name(ErrorKind kind) {
  return info(kind).name;
}
std::vector<ErrorKind> all_error_kinds() {
  std::vector<ErrorKind> out;
  for (const auto& k : kKinds) out.push_back(k.kind);
  return out;
}

}  // namespace kc

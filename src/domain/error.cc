#include "domain/error.h"

namespace kc {

Error Error::invalid(std::string message, std::vector<FieldError> fields) {
  return {ErrorKind::invalid_input, std::move(message), std::move(fields)};
}
Error Error::not_found(std::string message) {
  return of(ErrorKind::not_found, std::move(message));
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
Error Error::of(ErrorKind kind, std::string message) {
  return {kind, std::move(message), {}};
}

namespace {

struct KindInfo {
  ErrorKind kind;
  int http;
  int exit;
  std::string_view name;
};

// The one place where an error kind becomes an HTTP status and a CLI exit code.
constexpr KindInfo kKinds[] = {
    {ErrorKind::invalid_input, 422, 2, "invalid-input"},
    {ErrorKind::not_found, 404, 3, "not-found"},
    {ErrorKind::conflict, 409, 4, "conflict"},
    {ErrorKind::unauthenticated, 401, 5, "unauthenticated"},
    {ErrorKind::forbidden, 403, 5, "forbidden"},
    {ErrorKind::throttled, 429, 5, "throttled"},
    {ErrorKind::too_large, 413, 2, "too-large"},
    {ErrorKind::unsupported, 415, 2, "unsupported"},
    {ErrorKind::internal, 500, 1, "internal"},
};

const KindInfo& info(ErrorKind kind) {
  for (const auto& k : kKinds)
    if (k.kind == kind) return k;
  return kKinds[std::size(kKinds) - 1];
}

}  // namespace

int http_status(ErrorKind kind) {
  return info(kind).http;
}
int exit_code(ErrorKind kind) {
  return info(kind).exit;
}
std::string_view kind_name(ErrorKind kind) {
  return info(kind).name;
}

}  // namespace kc

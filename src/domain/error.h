#pragma once
// Errors are values. Each ErrorKind says what the caller should do; it maps to an HTTP
// status and a CLI exit code in exactly one place (error.cc).
//
//   invalid_input  the request is wrong; fix the named fields and retry.      HTTP 400/422, exit 2
//   not_found      no such record (or not visible to the caller).             HTTP 404, exit 3
//   conflict       the record changed since it was read (stale version);
//                  re-read and retry.                                         HTTP 409, exit 4
//   unauthenticated  no valid session; log in.                               HTTP 401, exit 5
//   forbidden      the user's role does not allow this; do not retry.        HTTP 403, exit 5
//   throttled      too many attempts; wait and retry.                         HTTP 429, exit 5
//   too_large      the body or file is over the limit; send less.             HTTP 413, exit 2
//   unsupported    wrong media type or format.                                HTTP 415, exit 2
//   internal       a bug or an I/O failure; do not retry blindly.             HTTP 500, exit 1
#include <expected>
#include <string>
#include <string_view>
#include <vector>

namespace kc {

enum class ErrorKind {
  invalid_input,
  not_found,
  conflict,
  unauthenticated,
  forbidden,
  throttled,
  too_large,
  unsupported,
  internal
};

// One bad field of an input: `field` is a JSON-pointer-like path ("title", "outputs/0/quantity")
// or, for file imports, "row N, column C".
struct FieldError {
  std::string field;
  std::string message;
};

struct Error {
  ErrorKind kind = ErrorKind::internal;
  std::string message;
  std::vector<FieldError> fields;

  static Error invalid(std::string message, std::vector<FieldError> fields = {});
  static Error not_found(std::string message);
  static Error conflict(std::string message);
  static Error too_large(std::string message);
  static Error unsupported(std::string message);
  static Error internal(std::string message);
  static Error of(ErrorKind kind, std::string message);
};

template <class T>
using Result = std::expected<T, Error>;
using Status = std::expected<void, Error>;

int http_status(ErrorKind kind);
int exit_code(ErrorKind kind);
std::string_view kind_name(ErrorKind kind);

}  // namespace kc

#pragma once
// Errors are values. Each ErrorKind says what the caller should do; the one table in
// error.cc maps it to an HTTP status, a CLI exit code and a problem title. No status code or
// exit code is written anywhere else.
//
//   kind               what the caller should do                         HTTP  exit
//   not_modified       nothing: the cached copy is current (not a fault)  304   0
//   bad_request        the request cannot be read (malformed JSON, query,
//                      framing); fix the request                          400   2
//   unauthenticated    no valid session; log in                           401   5
//   forbidden          the role does not allow this; do not retry         403   5
//   not_found          no such record, or not visible to the caller       404   3
//   method_not_allowed the resource exists, the method does not           405   2
//   conflict           the record changed, or the action does not fit its
//                      state; re-read and decide                          409   4
//   too_large          the body or file is over a limit; send less        413   2
//   unsupported        wrong media type or file format                    415   2
//   invalid_input      readable but invalid fields; fix the named fields  422   2
//   throttled          too many attempts; retry after `retry_after` s     429   5
//   header_too_large   the request's headers are over the limit           431   2
//   internal           a bug or an I/O failure; do not retry blindly      500   1
//   not_implemented    a protocol feature the server does not have        501   2
//   unavailable        busy (e.g. the database is locked); retry later    503   7
//   corrupt            stored data failed an integrity check (the audit
//                      chain); call an administrator                      500   6
#include <expected>
#include <string>
#include <string_view>
#include <vector>

#include "domain/field_error.h"

namespace kc {

enum class ErrorKind {
  not_modified,
  bad_request,
  unauthenticated,
  forbidden,
  not_found,
  method_not_allowed,
  conflict,
  too_large,
  unsupported,
  invalid_input,
  throttled,
  header_too_large,
  internal,
  not_implemented,
  unavailable,
  corrupt,
};

struct Error {
  ErrorKind kind = ErrorKind::internal;
  std::string message;
  std::vector<FieldError> fields;
  int retry_after = 0;  // seconds, for throttled and unavailable (0 = not said)
  // For a conflict, which one (the UI words it and offers what fits): "version_conflict" (the
  // record changed since it was read), "cancelled" (it can no longer change),
  // "past_registration" (only the department may change it now), "job_not_done"; "" = none.
  std::string code;

  static Error invalid(std::string message, std::vector<FieldError> fields = {});
  static Error bad_request(std::string message, std::vector<FieldError> fields = {});
  static Error not_found(std::string message);
  static Error conflict(std::string message);
  static Error too_large(std::string message);
  static Error unsupported(std::string message);
  static Error internal(std::string message);
  static Error forbidden(std::string message = "your role does not allow this");
  static Error of(ErrorKind kind, std::string message);
};

// A conflict with its code (see Error::code).
Error conflict(std::string code, std::string message);

template <class T>
using Result = std::expected<T, Error>;
using Status = std::expected<void, Error>;

int http_status(ErrorKind kind);
int exit_code(ErrorKind kind);
// "Not found", "Invalid input", ... (the problem title).
std::string_view title(ErrorKind kind);
// "not-found", "invalid-input", ... (the problem type's last segment).
std::string_view kind_name(ErrorKind kind);
// Every kind, in table order (for tests and documentation).
std::vector<ErrorKind> all_error_kinds();

}  // namespace kc

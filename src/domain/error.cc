#include "domain/error.h"

namespace kc {

Error Error::invalid(std::string message, std::vector<FieldError> fields) {
  return {ErrorKind::invalid_input, std::move(message), std::move(fields)};
}
Error Error::not_found(std::string message) {
  return {ErrorKind::not_found, std::move(message), {}};
}
Error Error::conflict(std::string message) {
  return {ErrorKind::conflict, std::move(message), {}};
}
Error Error::too_large(std::string message) {
  return {ErrorKind::too_large, std::move(message), {}};
}
Error Error::unsupported(std::string message) {
  return {ErrorKind::unsupported, std::move(message), {}};
}
Error Error::internal(std::string message) {
  return {ErrorKind::internal, std::move(message), {}};
}

int http_status(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::invalid_input:
      return 422;
    case ErrorKind::not_found:
      return 404;
    case ErrorKind::conflict:
      return 409;
    case ErrorKind::too_large:
      return 413;
    case ErrorKind::unsupported:
      return 415;
    case ErrorKind::internal:
      return 500;
  }
  return 500;
}

int exit_code(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::invalid_input:
      return 2;
    case ErrorKind::not_found:
      return 3;
    case ErrorKind::conflict:
      return 4;
    case ErrorKind::too_large:
      return 2;
    case ErrorKind::unsupported:
      return 2;
    case ErrorKind::internal:
      return 1;
  }
  return 1;
}

std::string_view kind_name(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::invalid_input:
      return "invalid-input";
    case ErrorKind::not_found:
      return "not-found";
    case ErrorKind::conflict:
      return "conflict";
    case ErrorKind::too_large:
      return "too-large";
    case ErrorKind::unsupported:
      return "unsupported";
    case ErrorKind::internal:
      return "internal";
  }
  return "internal";
}

}  // namespace kc

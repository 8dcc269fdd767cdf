#pragma once
// The request target ("/api/v1/projects?q=khuyen+cong&page=2") parsed with Boost.URL: the
// percent-decoded path and the decoded query parameters ('+' is a space). Compiles without
// Beast, so that the fuzz target and the tests use it directly.
#include <map>
#include <string>
#include <string_view>

#include "domain/error.h"

namespace kc::http {

struct Target {
  std::string path;                          // decoded; never contains NUL
  std::map<std::string, std::string> query;  // empty values are dropped ("no filter")
};

// bad_request when the target is not an origin-form URL, a percent-escape is malformed, or a
// query parameter is not valid UTF-8 or contains NUL; not_found when the decoded path is not
// valid UTF-8 or contains NUL. Never throws.
Result<Target> parse_target(std::string_view target);

}  // namespace kc::http

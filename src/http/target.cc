#include "http/target.h"

#include <boost/url/parse.hpp>
#include <boost/url/url_view.hpp>

#include "domain/text.h"

namespace kc::http {
namespace {

Error malformed(std::string what) {
  return Error::bad_request("the request target is malformed: " + what,
                            {{"query", FieldCode::malformed, {{"what", what}}}});
}

}  // namespace

Result<Target> parse_target(std::string_view target) try {
  auto url = boost::urls::parse_origin_form({target.data(), target.size()});
  if (!url) return std::unexpected(malformed("not a path with an optional query"));
  Target t;
  t.path = url->path();
  // A path that cannot name anything is simply not found (as a static file would be).
  if (t.path.find('\0') != std::string::npos || !is_valid_utf8(t.path))
    return std::unexpected(Error::not_found("no such path"));
  for (auto param : url->params()) {
    if (!is_valid_utf8(param.key) || !is_valid_utf8(param.value) ||
        param.key.find('\0') != std::string::npos || param.value.find('\0') != std::string::npos)
      return std::unexpected(malformed("a query parameter is not valid UTF-8 text"));
    if (param.key.empty()) continue;
    if (param.value.empty())
      t.query.erase(param.key);
    else
      t.query[param.key] = param.value;
  }
  return t;
} catch (const std::exception&) {
  return std::unexpected(malformed("too long or not a URL"));
}

}  // namespace kc::http

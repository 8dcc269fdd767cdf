#include "app/checks.h"

namespace kc::app {

Status fail_if_any(std::vector<FieldError> errors, const char* what) {
  if (errors.empty()) return {};
  return std::unexpected(
      Error::invalid(std::string("the ") + what + " has invalid fields", std::move(errors)));
}

Result<std::optional<store::ProvinceFacts>> province_facts(store::Connection& db,
                                                           const ProvinceRef& p,
                                                           const std::string& field,
                                                           std::vector<FieldError>& errors) {
  auto f = store::find_province(db, p);
  if (!f) return std::unexpected(f.error());
  if (!*f) errors.push_back({field, "unknown province " + p.code + " in the " + p.set + " set"});
  return f;
}

}  // namespace kc::app

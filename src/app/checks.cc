#include "app/checks.h"

#include "domain/money.h"

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
  if (!*f)
    errors.push_back({field, FieldCode::unknown_province, {{"code", p.code}, {"set", p.set}}});
  return f;
}

Status check_amount_ceiling(store::Connection& db,
                            std::initializer_list<std::pair<const char*, Vnd>> amounts,
                            std::vector<FieldError>& errors) {
  auto ceiling = store::rule_amount(db, "amount_ceiling", store::now_utc().substr(0, 10));
  if (!ceiling) return std::unexpected(ceiling.error());
  if (!*ceiling) return {};
  for (auto [field, v] : amounts)
    if (v > **ceiling)
      errors.push_back({field,
                        FieldCode::above_ceiling,
                        {{"amount", format_vnd(**ceiling)}, {"rule", "amount_ceiling"}}});
  return {};
}

}  // namespace kc::app

namespace kc::app {

Result<std::int64_t> dated_setting(store::Connection& db, const char* key, const Date& on,
                                   std::int64_t fallback) {
  auto v = store::rule_text(db, key, to_iso(on));
  if (!v) return std::unexpected(v.error());
  if (!*v) return fallback;
  try {
    return std::stoll((*v)->value);
  } catch (...) {
    return std::unexpected(Error::internal(std::string("the setting ") + key + " is not a number"));
  }
}

}  // namespace kc::app

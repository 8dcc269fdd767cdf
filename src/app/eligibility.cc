#include "app/eligibility.h"

#include "app/projects.h"
#include "store/project_repo.h"
#include "store/reference_repo.h"

namespace kc::app {
namespace {

struct Setting {
  std::int64_t value = 0;
  store::RuleValue rule;
};

Result<Setting> setting(store::Connection& db, const char* key, const Project& p,
                        std::int64_t fallback) {
  auto on = p.start.year > 0 ? to_iso(p.start) : std::to_string(p.year) + "-01-01";
  auto r = store::rule_text(db, key, on);
  if (!r) return std::unexpected(r.error());
  if (!*r) return Setting{fallback, {std::to_string(fallback), "", "", false}};
  try {
    return Setting{std::stoll((*r)->value), **r};
  } catch (...) {
    return std::unexpected(Error::internal(std::string("the setting ") + key + " is not a number"));
  }
}

Check make(const char* key, const Setting& s, bool block, std::string message,
           std::vector<std::pair<std::string, std::string>> params) {
  return {key,
          block ? "block" : "warning",
          std::move(message),
          std::move(params),
          s.rule.legal_basis,
          s.rule.valid_from,
          s.rule.confirmed};
}

}  // namespace

Result<std::vector<Check>> eligibility_checks(store::Connection& db, const Project& p) {
  std::vector<Check> out;
  auto window = setting(db, "repeat_support_window_years", p, 3);
  auto block = setting(db, "repeat_support_block", p, 0);
  auto counterpart = setting(db, "counterpart_required", p, 1);
  if (!window || !block || !counterpart)
    return std::unexpected(!window ? window.error() : !block ? block.error() : counterpart.error());
  auto earlier = store::earlier_support(db, p.beneficiary_ids, p.content_code,
                                        p.year - static_cast<int>(window->value), p.year, p.id);
  if (!earlier) return std::unexpected(earlier.error());
  for (const auto& e : *earlier) {
    std::vector<std::pair<std::string, std::string>> params{
        {"project", e.code},
        {"year", std::to_string(e.year)},
        {"facility", std::to_string(e.facility_id)},
        {"window", std::to_string(window->value)}};
    if (e.year == p.year)
      out.push_back(make("duplicate", *window, false,
                         "facility " + std::to_string(e.facility_id) +
                             " has another proposal for the same content this year: " + e.code,
                         params));
    else
      out.push_back(make("repeat_support_window_years", *window, block->value != 0,
                         "facility " + std::to_string(e.facility_id) + " was supported for " +
                             p.content_code + " in " + std::to_string(e.year) + " (" + e.code +
                             "), within " + std::to_string(window->value) + " years",
                         params));
  }
  if (counterpart->value != 0 && p.counterpart_vnd == 0)
    out.push_back(make("counterpart_required", *counterpart, false,
                       "the proposal has no counterpart funds", {}));
  return out;
}

Result<nlohmann::json> project_checks(store::Connection& db, const Actor& a, std::int64_t id) {
  auto p = get_project(db, a, id);
  if (!p) return std::unexpected(p.error());
  auto checks = eligibility_checks(db, *p);
  if (!checks) return std::unexpected(checks.error());
  nlohmann::json items = nlohmann::json::array();
  for (const auto& c : *checks) {
    nlohmann::json params = nlohmann::json::object();
    for (const auto& [k, v] : c.params) params[k] = v;
    items.push_back({{"rule", c.rule},
                     {"level", c.level},
                     {"message", c.message},
                     {"params", params},
                     {"legal_basis", c.legal_basis},
                     {"valid_from", c.valid_from},
                     {"confirmed", c.confirmed}});
  }
  return nlohmann::json{{"items", items}};
}

}  // namespace kc::app

#include "app/eligibility.h"

#include "app/projects.h"
#include "domain/support_ceiling.h"
#include "domain/text.h"
#include "store/dossier_repo.h"
#include "store/project_repo.h"
#include "store/reference_repo.h"
#include "store/register_repo.h"

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

// A dated setting's text and source in force on the proposal's date (empty when none is).
Result<store::RuleValue> text_setting(store::Connection& db, const char* key, const Project& p) {
  auto on = p.start.year > 0 ? to_iso(p.start) : std::to_string(p.year) + "-01-01";
  auto r = store::rule_text(db, key, on);
  if (!r) return std::unexpected(r.error());
  return r->value_or(store::RuleValue{});
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

// The dossier's parts a proposal cannot do without: objectives, milestones, itemized costs.
Status dossier_check(store::Connection& db, const Project& p, std::vector<Check>& out) {
  auto block = setting(db, "dossier_complete_block", p, 0);
  if (!block) return std::unexpected(block.error());
  auto d = store::get_dossier(db, p.id);
  if (!d) return std::unexpected(d.error());
  std::string missing;
  auto lacks = [&](bool absent, const char* what) {
    if (absent) missing += (missing.empty() ? "" : ", ") + std::string(what);
  };
  lacks(!*d || trim((*d)->objectives).empty(), "objectives");
  lacks(!*d || (*d)->milestones.empty(), "milestones");
  lacks(!*d || (*d)->cost_items.empty(), "cost_items");
  if (!missing.empty())
    out.push_back(make("dossier_complete_block", *block, block->value != 0,
                       "the dossier lacks: " + missing, {{"missing", missing}}));
  return {};
}

// The support ceilings of the proposal's content under its program's level: each rule allows
// the lesser of its share of the eligible cost (the proposal's total) and its amount — times
// the demonstration models it builds for a rule per model, times its beneficiaries for a rule
// per facility (at least once). The project
// does not say which kind of support of the content it is, so it is held to the most
// generous rule that applies: a request above every one of them is blocked.
Status ceiling_check(store::Connection& db, const Project& p, std::vector<Check>& out) {
  auto program = store::get_program(db, p.program_id);
  if (!program) return std::unexpected(program.error());
  auto on = p.start.year > 0 ? to_iso(p.start) : std::to_string(p.year) + "-01-01";
  auto rules = store::support_ceilings(db, program->level, p.content_code, on);
  if (!rules) return std::unexpected(rules.error());
  std::int64_t models = 0;
  for (const auto& o : p.outputs)
    if (o.indicator == "demo_model") models = std::max(models, o.quantity);
  const store::SupportCeiling* best = nullptr;
  Vnd allowed = 0;
  for (const auto& r : *rules) {
    Vnd cap = ceiling_for({r.unit, r.pct_bp, r.max_amount_vnd}, p.total_vnd, models,
                          static_cast<std::int64_t>(p.beneficiary_ids.size()));
    if (!best || cap > allowed) best = &r, allowed = cap;
  }
  if (!best || p.requested_vnd <= allowed) return {};
  Setting s{allowed,
            {std::to_string(allowed), best->legal_basis, best->valid_from, best->confirmed}};
  out.push_back(make(best->key.c_str(), s, true,
                     "the support requested, " + format_vnd(p.requested_vnd) +
                         ", is above the ceiling " + format_vnd(allowed) + " of " + best->key,
                     {{"ceiling", std::to_string(allowed)},
                      {"requested", std::to_string(p.requested_vnd)},
                      {"pct_bp", std::to_string(best->pct_bp)},
                      {"max_amount", std::to_string(best->max_amount_vnd)},
                      {"unit", best->unit}}));
  return {};
}

// The beneficiary is a rural industrial facility as the rules of the proposal's date define
// it. Every kind the register offers is one (no large enterprise); what can fail is the place.
// The register knows a ward (phường) by its name. Under NĐ 235/2025 a ward of a centrally-run
// city (`central_cities` setting) qualifies only in a recognised craft village: a block.
// Under NĐ 45/2012 a ward qualifies in a grade-2 or grade-3 city, or converted from a commune
// within five years — facts the register lacks: a warning to verify.
Status rural_check(store::Connection& db, const Project& p, std::vector<Check>& out) {
  if (p.beneficiary_ids.empty()) return {};
  auto rule = text_setting(db, "rural_ward_rule", p);
  auto cities = text_setting(db, "central_cities", p);
  if (!rule || !cities) return std::unexpected(!rule ? rule.error() : cities.error());
  if (rule->value.empty()) return {};
  for (auto id : p.beneficiary_ids) {
    auto f = store::get_facility(db, id);
    if (!f) return std::unexpected(f.error());
    if (!fold_for_search(f->commune).starts_with("phuong ")) continue;
    auto province = store::place_province(db, "facilities", id);
    if (!province) return std::unexpected(province.error());
    bool in_city =
        *province && (";" + cities->value + ";").find(";" + **province + ";") != std::string::npos;
    bool block = rule->value == "nd235";
    if (block && (!in_city || f->craft_village)) continue;
    Setting s{0, *rule};
    out.push_back(make("rural_ward_rule", s, block,
                       "facility " + std::to_string(id) + " (" + f->name + ") lies in " +
                           f->commune +
                           (block ? ", a ward of a centrally-run city outside a recognised craft "
                                    "village"
                                  : ", a ward: eligible only in a grade-2 or grade-3 city or "
                                    "converted from a commune within five years"),
                       {{"facility", std::to_string(id)}, {"commune", f->commune}}));
  }
  return {};
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
  if (auto s = ceiling_check(db, p, out); !s) return std::unexpected(s.error());
  if (auto s = rural_check(db, p, out); !s) return std::unexpected(s.error());
  if (auto s = dossier_check(db, p, out); !s) return std::unexpected(s.error());
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

#include "app/plan_scenario.h"

#include <cmath>

#include "app/checks.h"
#include "app/json_reader.h"

namespace kc::app {
namespace {

using planning::Dim;

std::string list_of_dims(std::size_t count) {
  std::string out;
  for (std::size_t i = 0; i < count; ++i)
    out += (i ? ", " : "") + std::string(planning::kDimNames[i]);
  return out;
}

std::optional<Dim> read_dim(JsonReader& r, std::size_t allowed) {
  std::string name = r.text("dimension", true);
  if (name.empty()) return std::nullopt;
  auto d = planning::dim_from(name);
  if (!d || static_cast<std::size_t>(*d) >= allowed) {
    r.error("dimension", FieldCode::one_of, {{"allowed", list_of_dims(allowed)}});
    return std::nullopt;
  }
  return d;
}

std::optional<Vnd> money(JsonReader& r, const char* key) {
  auto v = r.integer(key, false);
  if (v && *v < 0) {
    r.error(key, FieldCode::negative);
    return std::nullopt;
  }
  return v;
}

std::optional<double> share(JsonReader& r, const char* key) {
  auto v = r.number(key, false);
  if (v && !(*v >= 0 && *v <= 1)) {
    r.error(key, FieldCode::between, {{"min", "0"}, {"max", "1"}});
    return std::nullopt;
  }
  return v;
}

planning::Limit read_limit(const json& item, const std::string& at,
                           std::vector<FieldError>& errors) {
  JsonReader r(item, at, errors);
  planning::Limit l;
  l.dim = read_dim(r, planning::kLimitDims).value_or(Dim::province_2008);
  l.key = r.text("key", true);
  l.max_vnd = money(r, "max_vnd");
  l.min_vnd = money(r, "min_vnd");
  l.max_share = share(r, "max_share");
  l.min_share = share(r, "min_share");
  if (r.is_object() && !l.max_vnd && !l.min_vnd && !l.max_share && !l.min_share &&
      !r.has("max_vnd") && !r.has("min_vnd") && !r.has("max_share") && !r.has("min_share"))
    r.error("max_vnd", FieldCode::required_for,
            {{"what", "a limit without min_vnd, max_share or min_share"}});
  if (l.max_vnd && l.min_vnd && *l.min_vnd > *l.max_vnd)
    r.error("min_vnd", FieldCode::between, {{"min", "0"}, {"max", std::to_string(*l.max_vnd)}});
  if (l.max_share && l.min_share && *l.min_share > *l.max_share)
    r.error("min_share", FieldCode::between, {{"min", "0"}, {"max", std::to_string(*l.max_share)}});
  r.finish();
  return l;
}

planning::Weight read_weight(const json& item, const std::string& at,
                             std::vector<FieldError>& errors) {
  JsonReader r(item, at, errors);
  planning::Weight w;
  w.dim = read_dim(r, planning::kDimNames.size()).value_or(Dim::region);
  w.key = r.text("key", true);
  if (w.key == "*") r.error("key", FieldCode::malformed, {{"what", "a weight names one key"}});
  auto f = r.number("factor", true);
  if (f && !(*f > 0 && *f <= 100))
    r.error("factor", FieldCode::between, {{"min", "0 (excluded)"}, {"max", "100"}});
  w.factor = f.value_or(1);
  r.finish();
  return w;
}

}  // namespace

Result<planning::Scenario> scenario_from_json(const json& j) {
  std::vector<FieldError> errors;
  JsonReader r(j, "", errors);
  planning::Scenario s;
  s.name = r.text("name", true);
  s.program = r.text("program", true);
  s.envelope_vnd = money(r, "envelope_vnd");
  std::string objective = r.text("objective", false);
  if (objective == "score_x_amount")
    s.objective = planning::Objective::score_x_amount;
  else if (!objective.empty() && objective != "score")
    r.error("objective", FieldCode::one_of, {{"allowed", "score, score_x_amount"}});
  if (const json* a = r.array("weights", false))
    for (std::size_t i = 0; i < a->size(); ++i)
      s.weights.push_back(read_weight((*a)[i], "weights/" + std::to_string(i) + "/", errors));
  if (const json* a = r.array("limits", false))
    for (std::size_t i = 0; i < a->size(); ++i)
      s.limits.push_back(read_limit((*a)[i], "limits/" + std::to_string(i) + "/", errors));
  std::string bundles = r.text("bundles", false);
  if (bundles == "independent")
    s.bundles_all_or_none = false;
  else if (!bundles.empty() && bundles != "all_or_none")
    r.error("bundles", FieldCode::one_of, {{"allowed", "all_or_none, independent"}});
  s.force_in = r.strings("force_in", false);
  s.force_out = r.strings("force_out", false);
  for (std::size_t i = 0; i < s.force_in.size(); ++i)
    for (const auto& out : s.force_out)
      if (out == s.force_in[i])
        errors.push_back({"force_in/" + std::to_string(i), FieldCode::listed_twice});
  r.ignore("partial");
  if (r.has("partial")) {
    JsonReader p(j["partial"], "partial/", errors);
    s.partial_allowed = p.boolean("allowed");
    if (auto m = p.number("min_share", false)) {
      if (!(*m > 0 && *m <= 1))
        p.error("min_share", FieldCode::between, {{"min", "0 (excluded)"}, {"max", "1"}});
      else
        s.partial_min_share = *m;
    }
    p.finish();
  }
  if (auto t = r.number("time_limit_s", false)) {
    if (!(*t > 0 && *t <= 600))
      r.error("time_limit_s", FieldCode::between, {{"min", "0 (excluded)"}, {"max", "600"}});
    else
      s.time_limit_s = *t;
  }
  if (auto g = r.number("gap", false)) {
    if (!(*g >= 0 && *g <= 0.5))
      r.error("gap", FieldCode::between, {{"min", "0"}, {"max", "0.5"}});
    else
      s.gap = *g;
  }
  r.finish();
  if (auto f = fail_if_any(std::move(errors), "scenario"); !f) return std::unexpected(f.error());
  return s;
}

json to_json(const planning::Scenario& s) {
  json weights = json::array(), limits = json::array();
  for (const auto& w : s.weights)
    weights.push_back(
        {{"dimension", planning::name_of(w.dim)}, {"key", w.key}, {"factor", w.factor}});
  for (const auto& l : s.limits) {
    json x = {{"dimension", planning::name_of(l.dim)}, {"key", l.key}};
    if (l.max_vnd) x["max_vnd"] = *l.max_vnd;
    if (l.min_vnd) x["min_vnd"] = *l.min_vnd;
    if (l.max_share) x["max_share"] = *l.max_share;
    if (l.min_share) x["min_share"] = *l.min_share;
    limits.push_back(std::move(x));
  }
  json j = {{"name", s.name},
            {"program", s.program},
            {"objective", s.objective == planning::Objective::score ? "score" : "score_x_amount"},
            {"weights", weights},
            {"limits", limits},
            {"bundles", s.bundles_all_or_none ? "all_or_none" : "independent"},
            {"force_in", s.force_in},
            {"force_out", s.force_out},
            {"partial", {{"allowed", s.partial_allowed}, {"min_share", s.partial_min_share}}},
            {"time_limit_s", s.time_limit_s},
            {"gap", s.gap}};
  if (s.envelope_vnd) j["envelope_vnd"] = *s.envelope_vnd;
  return j;
}

namespace {

json optional_number(const std::optional<double>& v) {
  return v ? json(std::round(*v * 1e6) / 1e6) : json(nullptr);
}

double rounded(double v) {
  return std::round(v * 1e6) / 1e6;
}

// What a reader of the answer needs to know of a candidate besides its numbers.
json facts(const planning::Candidate& c) {
  auto keys = [&](planning::Dim d) {
    json out = json::array();
    for (const auto& s : c.shares[static_cast<std::size_t>(d)]) out.push_back(s.key);
    return out;
  };
  auto first = [&](planning::Dim d) {
    const auto& list = c.shares[static_cast<std::size_t>(d)];
    return list.empty() ? json(nullptr) : json(list.front().key);
  };
  return {{"code", c.code},
          {"id", c.id},
          {"title", c.title},
          {"requested_vnd", c.request},
          {"score", c.score},
          {"content", first(planning::Dim::content)},
          {"kind", first(planning::Dim::kind)},
          {"provinces_2025", keys(planning::Dim::province_2025)},
          {"regions", keys(planning::Dim::region)},
          {"bundle", c.bundle}};
}

}  // namespace

json to_json(const planning::Answer& a, const planning::Problem& p) {
  json funded = json::array(), unfunded = json::array(), baselines = json::array();
  for (const auto& f : a.funded) {
    const auto& c = p.candidates[f.index];
    json item = facts(c);
    item.update({{"amount_vnd", f.amount},
                 {"value", rounded(f.value)},
                 {"loss_if_dropped", optional_number(f.loss_if_dropped)}});
    funded.push_back(std::move(item));
  }
  for (const auto& u : a.unfunded) {
    const auto& c = p.candidates[u.index];
    json item = facts(c);
    item.update({{"reason", planning::name_of(u.reason)},
                 {"limit", u.limit.empty() ? json(nullptr) : json(u.limit)},
                 {"loss_if_forced", optional_number(u.loss_if_forced)},
                 {"value_needed", optional_number(u.value_needed)}});
    unfunded.push_back(std::move(item));
  }
  for (const auto& b : a.baselines)
    baselines.push_back({{"name", b.name},
                         {"value", rounded(b.value)},
                         {"allocated_vnd", b.allocated},
                         {"unused_vnd", b.unused},
                         {"violations", b.violations}});
  json commitments = json::array();
  for (const auto& c : p.commitments)
    commitments.push_back({{"code", c.code}, {"amount_vnd", c.amount}});
  return {{"scenario", p.scenario.name},
          {"program", p.scenario.program},
          {"status", planning::name_of(a.status)},
          {"value", rounded(a.value)},
          {"gap", a.gap},
          {"envelope_vnd", a.envelope},
          {"commitments_vnd", a.commitments},
          {"commitments", commitments},
          {"allocated_vnd", a.allocated},
          {"unused_vnd", a.envelope - a.commitments - a.allocated},
          {"funded", funded},
          {"unfunded", unfunded},
          {"conflicts", a.conflicts},
          {"baselines", baselines},
          {"explained", a.explained},
          {"solve_ms", std::round(a.solve_ms * 10) / 10}};
}

}  // namespace kc::app

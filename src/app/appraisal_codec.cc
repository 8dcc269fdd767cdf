// JSON codecs of rounds and councils (app/appraisal.h).
#include "app/appraisal.h"
#include "app/json_reader.h"

namespace kc::app {

json to_json(const Round& r) {
  json criteria = json::array();
  for (const auto& c : r.criteria)
    criteria.push_back({{"code", c.code},
                        {"name", c.name},
                        {"max_points", c.max_points},
                        {"floor_points", c.floor_points ? json(*c.floor_points) : json(nullptr)}});
  return {{"id", r.id},
          {"program_id", r.program_id},
          {"year", r.year},
          {"opens_on", to_iso(r.opens_on)},
          {"closes_on", to_iso(r.closes_on)},
          {"forward_by", to_iso(r.forward_by)},
          {"pass_mark", r.pass_mark.value_or(0)},
          {"trim_extremes", r.trim_extremes.value_or(false)},
          {"outlier_points", r.outlier_points.value_or(0)},
          {"criteria", criteria},
          {"version", r.version}};
}

json to_json(const Council& c) {
  json members = json::array();
  for (const auto& m : c.members)
    members.push_back({{"user_id", m.user_id}, {"role", m.role}, {"name", m.name}});
  return {{"id", c.id},
          {"round_id", c.round_id},
          {"level", c.level},
          {"province", c.province_2025.empty() ? json(nullptr) : json(c.province_2025)},
          {"name", c.name},
          {"members", members},
          {"version", c.version}};
}

Result<Round> round_from_json(const json& j, bool for_update) {
  std::vector<FieldError> errors;
  JsonReader r(j, "", errors);
  Round x;
  if (for_update) {
    x.version = r.integer("version", true).value_or(0);
    for (const char* ro : {"program_id", "year"}) r.ignore(ro);
  } else {
    x.program_id = r.integer("program_id", true).value_or(0);
    x.year = static_cast<int>(r.integer("year", true).value_or(0));
    if (r.has("version")) r.error("version", FieldCode::server_set);
  }
  r.ignore("id");
  x.opens_on = r.date("opens_on", for_update).value_or(Date{});
  x.closes_on = r.date("closes_on", for_update).value_or(Date{});
  x.forward_by = r.date("forward_by", for_update).value_or(Date{});
  if (r.has("pass_mark")) x.pass_mark = r.integer("pass_mark", true);
  if (r.has("trim_extremes")) x.trim_extremes = r.boolean("trim_extremes");
  if (r.has("outlier_points")) x.outlier_points = r.integer("outlier_points", true);
  if (const json* a = r.array("criteria", false)) {
    for (std::size_t i = 0; i < a->size(); ++i) {
      JsonReader c((*a)[i], "criteria/" + std::to_string(i) + "/", errors);
      if (!c.is_object()) continue;
      Criterion k{c.text("code", true), c.text("name", true),
                  c.integer("max_points", true).value_or(0), std::nullopt};
      if (c.has("floor_points") && !(*a)[i]["floor_points"].is_null())
        k.floor_points = c.integer("floor_points", true);
      else
        c.ignore("floor_points");
      c.finish();
      x.criteria.push_back(std::move(k));
    }
  }
  r.finish();
  if (!errors.empty())
    return std::unexpected(Error::invalid("the round has invalid fields", errors));
  return x;
}

Result<Council> council_from_json(const json& j) {
  std::vector<FieldError> errors;
  JsonReader r(j, "", errors);
  Council c;
  c.level = r.text("level", true);
  c.province_2025 = r.has("province") && !j["province"].is_null() ? r.text("province", true)
                                                                  : (r.ignore("province"), "");
  c.name = r.text("name", true);
  if (const json* a = r.array("members", true)) {
    for (std::size_t i = 0; i < a->size(); ++i) {
      JsonReader m((*a)[i], "members/" + std::to_string(i) + "/", errors);
      if (!m.is_object()) continue;
      CouncilMember x;
      x.user_id = m.integer("user_id", true).value_or(0);
      x.role = m.has("role") ? m.text("role", true) : (m.ignore("role"), std::string("member"));
      m.ignore("name");
      m.finish();
      c.members.push_back(std::move(x));
    }
  }
  r.finish();
  if (!errors.empty())
    return std::unexpected(Error::invalid("the council has invalid fields", errors));
  return c;
}

}  // namespace kc::app

#include "app/selection.h"

#include <cmath>

#include "app/appraisal.h"
#include "app/audit.h"
#include "app/checks.h"
#include "app/codec.h"
#include "app/json_reader.h"
#include "app/register.h"
#include "app/selection_ranking.h"
#include "app/workflow.h"
#include "domain/text.h"
#include "store/product_repo.h"
#include "store/reference_repo.h"

namespace kc::app {
namespace {

using nlohmann::json;

constexpr const char* kCommuneFrom = "2025-07-01";

}  // namespace

bool is_local(const std::string& level) {
  return level == "commune" || level == "district" || level == "provincial";
}

namespace {

bool sees_all_scores(const Actor& a) {
  return a.role == Role::department || a.role == Role::system || a.role == Role::ministry;
}

bool is_member(const store::SelectionRound& r, std::int64_t user) {
  for (const auto& m : r.members)
    if (m.user_id == user) return true;
  return false;
}

// The round as the actor may read it: an appraiser only as a member.
Result<store::SelectionRound> readable(store::Connection& db, const Actor& a, std::int64_t id) {
  if (!may(a, Permission::read_rounds)) return std::unexpected(Error::forbidden());
  auto r = store::get_selection_round(db, id);
  if (!r) return r;
  if (a.role == Role::appraiser && !is_member(*r, a.user_id))
    return std::unexpected(Error::not_found("selection round not found"));
  return r;
}

json round_view(const store::SelectionRound& r) {
  json criteria = json::array(), members = json::array();
  for (const auto& c : r.criteria)
    criteria.push_back({{"code", c.code}, {"name", c.name}, {"max_points", c.max_points}});
  for (const auto& m : r.members)
    members.push_back({{"user_id", m.user_id}, {"role", m.role}, {"name", m.name}});
  auto opt = [](const std::string& s) { return s.empty() ? json(nullptr) : json(s); };
  return {{"id", r.id},
          {"year", r.year},
          {"level", r.level},
          {"area_code", opt(r.area_code)},
          {"province_2025", opt(r.province_2025)},
          {"name", r.name},
          {"closes_on", r.closes_on},
          {"open", r.status == "open" && vietnam_today_iso() <= r.closes_on},
          {"status", r.status},
          {"recognized_on", opt(r.recognized_on)},
          {"pass_mark", r.pass_mark},
          {"criteria", criteria},
          {"members", members},
          {"nominations_count", r.nominations},
          {"version", r.version}};
}

json nomination_view(const store::Nomination& n) {
  return {
      {"id", n.id},
      {"facility_id", n.facility_id},
      {"facility_name", n.facility_name},
      {"province_2025", n.province_2025},
      {"name", n.name},
      {"group", n.group},
      {"description", n.description},
      {"status", n.status},
      {"typical_product_id", n.typical_product_id ? json(*n.typical_product_id) : json(nullptr)}};
}

json aggregate_json(const Aggregate& g, int rank) {
  return {{"rank", rank},       {"scored", g.scored},    {"score", std::round(g.score * 100) / 100},
          {"passed", g.passed}, {"counted", g.counted},  {"conflicts", g.conflicts},
          {"spread", g.spread}, {"outliers", g.outliers}};
}

// The criteria of a round opened on `on`: the rules' four groups with the dated points.
Result<std::vector<Criterion>> selection_criteria(store::Connection& db, const Date& on) {
  const std::pair<const char*, const char*> groups[] = {
      {"market", "Đáp ứng thị trường và năng lực sản xuất"},
      {"technical", "Kinh tế, kỹ thuật, xã hội và môi trường"},
      {"culture", "Giá trị văn hóa, thẩm mỹ"},
      {"other", "Tiêu chí khác"}};
  const std::int64_t fallback[] = {35, 30, 25, 10};
  std::vector<Criterion> out;
  for (std::size_t i = 0; i < std::size(groups); ++i) {
    std::string key = std::string("typical_product_points.") + groups[i].first;
    auto points = dated_setting(db, key.c_str(), on, fallback[i]);
    if (!points) return std::unexpected(points.error());
    out.push_back({groups[i].first, groups[i].second, *points, {}});
  }
  return out;
}

}  // namespace

Result<json> list_selection_rounds(store::Connection& db, const Actor& a, ListQuery q) {
  if (!may(a, Permission::read_rounds)) return std::unexpected(Error::forbidden());
  if (a.role == Role::appraiser) q.scope_assignee = a.user_id;
  auto page = store::list_selection_rounds(db, q);
  if (!page) return std::unexpected(page.error());
  return page_json(*page, round_view);
}

Result<json> selection_round_json(store::Connection& db, const Actor& a, std::int64_t id) {
  auto tx = store::Transaction::read(db);
  if (!tx) return std::unexpected(tx.error());
  auto r = readable(db, a, id);
  if (!r) return std::unexpected(r.error());
  const bool sees_scores = sees_all_scores(a) || is_member(*r, a.user_id);
  Scope s = place_scope(a);
  auto ranked = rank_round(db, *r, s.all ? std::string() : s.province_2025);
  if (!ranked) return std::unexpected(ranked.error());
  std::map<std::int64_t, ScoreSheet> mine;
  if (is_member(*r, a.user_id)) {
    auto sheets = store::round_sheets(db, r->id);
    if (!sheets) return std::unexpected(sheets.error());
    for (auto& sh : *sheets)
      if (sh.user_id == a.user_id) mine[sh.project_id] = std::move(sh);
  }
  json out = round_view(*r), items = json::array();
  for (const auto& rn : *ranked) {
    if (!sees_scores && s.none) break;
    json v = nomination_view(rn.nomination);
    if (sees_scores) v["result"] = aggregate_json(rn.aggregate, rn.rank);
    if (auto m = mine.find(rn.nomination.id); m != mine.end()) {
      json lines = json::array();
      for (const auto& l : m->second.lines)
        lines.push_back({{"criterion", l.criterion}, {"points", l.points}});
      v["my_sheet"] = {{"conflict", m->second.conflict}, {"lines", lines}};
    }
    items.push_back(v);
  }
  out["nominations"] = items;
  return out;
}

Result<json> open_selection_round(store::Connection& db, const Actor& a, const json& body) {
  if (!may(a, Permission::manage_products)) return std::unexpected(Error::forbidden());
  std::vector<FieldError> errors;
  JsonReader r(body, "", errors);
  store::SelectionRound round;
  round.year = r.integer("year", true).value_or(0);
  round.level = r.text("level", true);
  round.area_code = r.text("area_code", round.level == "regional");
  const bool local = is_local(round.level);
  round.province_2025 = r.text("province", local && a.province_2025.empty());
  round.name = r.filled_text("name");
  auto closes = r.date("closes_on", true);
  if (const json* members = r.array("members", true))
    for (std::size_t i = 0; i < members->size(); ++i) {
      JsonReader m((*members)[i], "members/" + std::to_string(i) + "/", errors);
      round.members.push_back({m.integer("user_id", true).value_or(0), m.text("role", true), ""});
      m.finish();
    }
  r.finish();
  if (round.year && (round.year < 2000 || round.year > 2100))
    errors.push_back({"year", FieldCode::year_range, {{"min", "2000"}, {"max", "2100"}}});
  const bool province_user = a.role == Role::province;
  if (!round.level.empty() && !local && round.level != "regional" && round.level != "national")
    errors.push_back({"level",
                      FieldCode::one_of,
                      {{"allowed", "commune, district, provincial, regional, national"}}});
  else if (province_user && !local)
    errors.push_back({"level", FieldCode::one_of, {{"allowed", "commune, district, provincial"}}});
  if (local && round.province_2025.empty()) round.province_2025 = a.province_2025;
  // The commune level replaced the district's on 1 July 2025 (TT 38/2025).
  if (closes && ((round.level == "district" && to_iso(*closes) >= kCommuneFrom) ||
                 (round.level == "commune" && to_iso(*closes) < kCommuneFrom)))
    errors.push_back({"level",
                      FieldCode::level_not_in_force,
                      {{"level", round.level}, {"date", to_iso(*closes)}}});
  if (province_user && round.province_2025 != a.province_2025)
    errors.push_back({"province", FieldCode::own_province});
  if (round.level != "regional" && !round.area_code.empty())
    errors.push_back({"area_code", FieldCode::must_be_empty, {{"what", "this level"}}});
  if (!local && !round.province_2025.empty())
    errors.push_back({"province", FieldCode::must_be_empty, {{"what", "this level"}}});
  return in_write_tx(db, [&]() -> Result<json> {
    if (auto s = check_members(db, round.members, errors); !s) return std::unexpected(s.error());
    if (!round.area_code.empty()) {
      auto known = store::area_exists(db, round.area_code);
      if (!known) return std::unexpected(known.error());
      if (!*known) errors.push_back({"area_code", FieldCode::unknown_key, {{"dimension", "area"}}});
    }
    if (!round.province_2025.empty() && local) {
      auto p = store::find_province(db, {"2025", round.province_2025});
      if (!p) return std::unexpected(p.error());
      if (!*p) errors.push_back({"province", FieldCode::unknown_province});
    }
    if (auto s = fail_if_any(std::move(errors), "selection round"); !s)
      return std::unexpected(s.error());
    round.closes_on = to_iso(*closes);
    auto criteria = selection_criteria(db, *closes);
    if (!criteria) return std::unexpected(criteria.error());
    round.criteria = std::move(*criteria);
    auto mark = dated_setting(db, "typical_product_pass_mark", *closes, 70);
    if (!mark) return std::unexpected(mark.error());
    round.pass_mark = *mark, round.created_by = a.user_id;
    auto id = store::insert_selection_round(db, round);
    if (!id) return std::unexpected(id.error());
    auto stored = store::get_selection_round(db, *id);
    if (!stored) return std::unexpected(stored.error());
    json view = round_view(*stored);
    if (auto s = audit(db, a, "selection_rounds", *id, "create", nullptr, view); !s)
      return std::unexpected(s.error());
    return view;
  });
}

Result<json> nominate_product(store::Connection& db, const Actor& a, std::int64_t round_id,
                              const json& body) {
  if (!may(a, Permission::manage_products)) return std::unexpected(Error::forbidden());
  std::vector<FieldError> errors;
  JsonReader r(body, "", errors);
  store::Nomination n;
  n.round_id = round_id;
  auto facility = r.integer("facility_id", true);
  n.name = r.filled_text("name");
  n.group = r.text("group", true);
  n.description = r.lines("description", false);
  for (const char* condition :
       {"own_product", "mass_producible", "quality_declared", "safety_declared"})
    if (!r.boolean(condition)) errors.push_back({condition, FieldCode::not_eligible});
  r.finish();
  if (!n.group.empty() && n.group != "handicraft" && n.group != "processed_food" &&
      n.group != "machinery" && n.group != "other")
    errors.push_back({"group",
                      FieldCode::one_of,
                      {{"allowed", "handicraft, processed_food, machinery, other"}}});
  n.name_key = fold_for_search(n.name);
  return in_write_tx(db, [&]() -> Result<json> {
    auto round = readable(db, a, round_id);
    if (!round) return std::unexpected(round.error());
    const std::string now = vietnam_today_iso();
    if (round->status != "open" || now > round->closes_on)
      errors.push_back(
          {"round",
           FieldCode::round_closed,
           {{"date", round->status == "open" ? round->closes_on : round->recognized_on}}});
    std::optional<Facility> owner;
    if (facility) {
      auto f = named_record([&](std::int64_t id) { return get_facility(db, a, id); }, "facility_id",
                            *facility, errors);
      if (!f) return std::unexpected(f.error());
      owner = std::move(*f);
    }
    if (owner) {
      n.facility_id = owner->id;
      auto place = store::find_province(db, owner->province);
      if (!place) return std::unexpected(place.error());
      const auto facts = place->value_or(store::ProvinceFacts{});
      n.province_2025 = facts.province_2025;
      if (is_local(round->level) && n.province_2025 != round->province_2025)
        errors.push_back({"facility_id", FieldCode::own_province});
      if (round->level == "regional") {
        auto area = store::area_of_region(db, facts.region_code, now);
        if (!area) return std::unexpected(area.error());
        if (*area != round->area_code)
          errors.push_back({"facility_id", FieldCode::not_in_area, {{"area", round->area_code}}});
      }
      if (round->level == "national") {
        auto won = store::valid_recognition(db, n.facility_id, n.name_key, "regional", now);
        if (!won) return std::unexpected(won.error());
        if (!*won) errors.push_back({"name", FieldCode::not_regional_winner});
      }
      auto earlier = store::valid_recognition(db, n.facility_id, n.name_key, round->level, now);
      if (!earlier) return std::unexpected(earlier.error());
      if (*earlier)
        errors.push_back(
            {"name",
             FieldCode::still_recognized,
             {{"until", (*earlier)->valid_until}, {"certificate", (*earlier)->certificate_no}}});
      auto twice = store::nomination_exists(db, round_id, n.facility_id, n.name_key);
      if (!twice) return std::unexpected(twice.error());
      if (*twice) errors.push_back({"name", FieldCode::listed_twice});
    }
    if (auto s = fail_if_any(std::move(errors), "nomination"); !s)
      return std::unexpected(s.error());
    n.nominated_by = a.user_id;
    auto id = store::insert_nomination(db, n);
    if (!id) return std::unexpected(id.error());
    auto stored = store::get_nomination(db, *id);
    if (!stored) return std::unexpected(stored.error());
    json view = nomination_view(*stored);
    if (auto s = audit(db, a, "nominations", *id, "create", nullptr, view); !s)
      return std::unexpected(s.error());
    return view;
  });
}

}  // namespace kc::app

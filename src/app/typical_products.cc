#include "app/typical_products.h"

#include "app/audit.h"
#include "app/checks.h"
#include "app/codec.h"
#include "app/json_reader.h"
#include "app/reference.h"
#include "app/register.h"
#include "app/workflow.h"
#include "crypto/crypto.h"
#include "domain/date.h"
#include "domain/text.h"
#include "store/product_repo.h"
#include "store/project_repo.h"

namespace kc::app {
namespace {

using nlohmann::json;

// TT 38/2025: the commune level replaces the district level from 01/07/2025.
constexpr const char* kCommuneFrom = "2025-07-01";

bool listed(const std::string& v, std::initializer_list<const char*> among) {
  for (const char* x : among)
    if (v == x) return true;
  return false;
}

json product_view(const store::TypicalProduct& p, const std::string& today) {
  return {{"id", p.id},
          {"certificate_no", p.certificate_no},
          {"verify_code", p.verify_code},
          {"name", p.name},
          {"group", p.group},
          {"description", p.description},
          {"facility_id", p.facility_id},
          {"facility_name", p.facility_name},
          {"province_2025", p.province_2025},
          {"level", p.level},
          {"area_code", p.area_code.empty() ? json(nullptr) : json(p.area_code)},
          {"year", p.year},
          {"score", p.score_x100 ? json(static_cast<double>(*p.score_x100) / 100) : json(nullptr)},
          {"recognized_on", p.recognized_on},
          {"valid_until", p.valid_until},
          {"valid", p.valid_until >= today},
          {"project_id", p.project_id ? json(*p.project_id) : json(nullptr)}};
}

// What the public may know of a recognition: its certificate's facts and whether it is valid.
json public_fields(const store::TypicalProduct& p, const std::string& today) {
  json v = product_view(p, today);
  json out = json::object();
  for (const char* key : {"certificate_no", "name", "group", "facility_name", "province_2025",
                          "level", "area_code", "year", "recognized_on", "valid_until", "valid"})
    out[key] = v[key];
  return out;
}

}  // namespace

Result<json> list_products(store::Connection& db, const Actor& a, ListQuery q) {
  if (!may(a, Permission::read_places)) return std::unexpected(Error::forbidden());
  auto tx = store::Transaction::read(db);
  if (!tx) return std::unexpected(tx.error());
  auto page = store::list_products(db, q);
  if (!page) return std::unexpected(page.error());
  auto levels = store::products_by_level(db, q);
  if (!levels) return std::unexpected(levels.error());
  const std::string today = vietnam_today_iso();
  json out = page_json(*page, [&](const auto& p) { return product_view(p, today); });
  out["by_level"] = json::object();
  for (const auto& [level, n] : *levels) out["by_level"][level] = n;
  return out;
}

Result<json> product_json(store::Connection& db, const Actor& a, std::int64_t id) {
  if (!may(a, Permission::read_places)) return std::unexpected(Error::forbidden());
  auto p = store::get_product(db, id);
  if (!p) return std::unexpected(p.error());
  return product_view(*p, vietnam_today_iso());
}

Result<json> recognize_product(store::Connection& db, const Actor& a, const json& body) {
  if (!may(a, Permission::manage_products)) return std::unexpected(Error::forbidden());
  std::vector<FieldError> errors;
  JsonReader r(body, "", errors);
  store::TypicalProduct p;
  p.certificate_no = r.text("certificate_no", true);
  p.name = r.text("name", true), p.group = r.text("group", true);
  p.description = r.text("description", false);
  auto facility = r.integer("facility_id", true);
  p.level = r.text("level", true), p.area_code = r.text("area_code", p.level == "regional");
  auto year = r.integer("year", true);
  auto score = r.number("score", false);
  auto on = r.date("recognized_on", true);
  if (r.has("project_id") && !body["project_id"].is_null())
    p.project_id = r.integer("project_id", false);
  else
    r.ignore("project_id");
  r.finish();
  if (!p.group.empty() && !listed(p.group, {"handicraft", "processed_food", "machinery", "other"}))
    errors.push_back({"group",
                      FieldCode::one_of,
                      {{"allowed", "handicraft, processed_food, machinery, other"}}});
  if (!p.level.empty() &&
      !listed(p.level, {"commune", "district", "provincial", "regional", "national"}))
    errors.push_back({"level",
                      FieldCode::one_of,
                      {{"allowed", "commune, district, provincial, regional, national"}}});
  if (a.role == Role::province && listed(p.level, {"regional", "national"}))
    errors.push_back({"level", FieldCode::one_of, {{"allowed", "commune, district, provincial"}}});
  if (p.level != "regional" && !p.area_code.empty())
    errors.push_back({"area_code", FieldCode::must_be_empty, {{"what", "this level"}}});
  if (score && (*score < 0 || *score > 100))
    errors.push_back({"score", FieldCode::between, {{"min", "0"}, {"max", "100"}}});
  if (on) {
    p.recognized_on = to_iso(*on);
    if ((p.level == "district" && p.recognized_on >= kCommuneFrom) ||
        (p.level == "commune" && p.recognized_on < kCommuneFrom))
      errors.push_back({"level",
                        FieldCode::level_not_in_force,
                        {{"level", p.level}, {"date", p.recognized_on}}});
  }
  return in_write_tx(db, [&]() -> Result<json> {
    std::optional<Facility> owner;
    if (facility) {
      auto f = named_record([&](std::int64_t id) { return get_facility(db, a, id); }, "facility_id",
                            *facility, errors);
      if (!f) return std::unexpected(f.error());
      owner = std::move(*f);
      if (owner) p.facility_id = owner->id;
    }
    if (!p.area_code.empty()) {
      auto known = store::area_exists(db, p.area_code);
      if (!known) return std::unexpected(known.error());
      if (!*known) errors.push_back({"area_code", FieldCode::unknown_key, {{"dimension", "area"}}});
    }
    if (on && score) {
      auto mark = dated_setting(db, "typical_product_pass_mark", *on, 70);
      if (!mark) return std::unexpected(mark.error());
      if (*score < static_cast<double>(*mark))
        errors.push_back({"score", FieldCode::at_least, {{"min", std::to_string(*mark)}}});
    }
    if (p.project_id) {
      auto pr = named_record([&](std::int64_t id) { return store::get_project(db, id); },
                             "project_id", *p.project_id, errors);
      if (!pr) return std::unexpected(pr.error());
    }
    auto taken = store::certificate_taken(db, p.certificate_no);
    if (!taken) return std::unexpected(taken.error());
    if (*taken) errors.push_back({"certificate_no", FieldCode::code_taken});
    p.name_key = fold_for_search(p.name);
    if (p.facility_id && on && !p.level.empty()) {
      auto earlier =
          store::valid_recognition(db, p.facility_id, p.name_key, p.level, p.recognized_on);
      if (!earlier) return std::unexpected(earlier.error());
      if (*earlier)
        errors.push_back(
            {"name",
             FieldCode::still_recognized,
             {{"until", (*earlier)->valid_until}, {"certificate", (*earlier)->certificate_no}}});
    }
    if (auto s = fail_if_any(std::move(errors), "recognition"); !s)
      return std::unexpected(s.error());
    auto pf = store::find_province(db, owner->province);
    if (!pf) return std::unexpected(pf.error());
    p.province_2025 = *pf ? (*pf)->province_2025 : owner->province.code;
    auto years = dated_setting(db, "typical_product_validity_years", *on, 2);
    if (!years) return std::unexpected(years.error());
    // The day before the same date `years` later (28 February for a 29 February).
    Date later{on->year + static_cast<int>(*years), on->month, on->day};
    if (later.month == 2 && later.day == 29) later.day = 28;
    p.valid_until = to_iso(add_days(later, -1));
    p.year = *year, p.created_by = a.user_id;
    if (score) p.score_x100 = static_cast<std::int64_t>(*score * 100 + 0.5);
    p.verify_code = crypto::random_token(9);
    if (auto id = store::insert_product(db, p); !id) return std::unexpected(id.error());
    auto stored = store::get_product(db, p.id);
    if (!stored) return std::unexpected(stored.error());
    json view = product_view(*stored, vietnam_today_iso());
    if (auto s = audit(db, a, "typical_products", p.id, "create", nullptr, view); !s)
      return std::unexpected(s.error());
    return view;
  });
}

Result<json> verify_certificate(store::Connection& db, const std::string& code) {
  auto p = store::product_by_code(db, code);
  if (!p) return std::unexpected(p.error());
  if (!*p) return std::unexpected(Error::not_found("no certificate has this code"));
  return public_fields(**p, vietnam_today_iso());
}

Result<json> public_products(store::Connection& db, ListQuery q) {
  q.scope_province.clear(), q.scope_none = false, q.id.reset();
  auto page = store::list_products(db, q);
  if (!page) return std::unexpected(page.error());
  const std::string today = vietnam_today_iso();
  return page_json(*page, [&](const store::TypicalProduct& p) { return public_fields(p, today); });
}

}  // namespace kc::app

#include "app/fairs.h"

#include "app/audit.h"
#include "app/checks.h"
#include "app/codec.h"
#include "app/json_reader.h"
#include "app/register.h"
#include "domain/date.h"
#include "store/fair_repo.h"
#include "store/project_repo.h"

namespace kc::app {
namespace {

using nlohmann::json;

json fair_view(const store::Fair& f) {
  return {{"id", f.id},
          {"code", f.code},
          {"name", f.name},
          {"place", f.place},
          {"abroad", f.abroad},
          {"country", f.country},
          {"province", f.province ? to_json(*f.province) : json(nullptr)},
          {"province_2025", f.province_2025.empty() ? json(nullptr) : json(f.province_2025)},
          {"region_code", f.region_code.empty() ? json(nullptr) : json(f.region_code)},
          {"starts_on", f.starts_on},
          {"ends_on", f.ends_on},
          {"organizer", f.organizer},
          {"project_id", f.project_id ? json(*f.project_id) : json(nullptr)},
          {"version", f.version},
          {"booths", f.booths},
          {"facilities", f.facilities},
          {"amount_vnd", f.amount}};
}

json booth_view(const store::BoothSupport& b) {
  return {{"id", b.id},
          {"fair_id", b.fair_id},
          {"fair_code", b.fair_code},
          {"fair_name", b.fair_name},
          {"fair_starts_on", b.fair_starts_on},
          {"facility_id", b.facility_id},
          {"facility_name", b.facility_name},
          {"facility_province_2025", b.facility_province_2025},
          {"booths", b.booths},
          {"amount_vnd", b.amount},
          {"created_at", b.created_at}};
}

// The fair of a body (for an update: with the version read), every bad field named.
store::Fair read_fair(const json& body, bool for_update, std::vector<FieldError>& errors) {
  JsonReader r(body, "", errors);
  store::Fair f;
  if (for_update) {
    f.version = r.integer("version", true).value_or(0);
    r.ignore("reason");  // kept in the audit row by the caller
  }
  for (const char* ro : {"id", "booths", "facilities", "amount_vnd", "province_2025", "region_code",
                         "created_at", "updated_at"})
    r.ignore(ro);
  if (!for_update && r.has("version")) r.error("version", FieldCode::server_set);
  f.code = r.text("code", true), f.name = r.text("name", true), f.place = r.text("place", true);
  f.organizer = r.text("organizer", true);
  f.abroad = r.boolean("abroad");
  f.country = r.text("country", f.abroad);
  if (!f.abroad && !f.country.empty())
    r.error("country", FieldCode::must_be_empty, {{"what", "a fair in Vietnam"}});
  if (const json* p = r.object("province", !f.abroad)) {
    if (f.abroad) {
      r.error("province", FieldCode::must_be_empty, {{"what", "a fair abroad"}});
    } else {
      JsonReader pr(*p, "province/", errors);
      f.province = ProvinceRef{pr.text("set", true), pr.text("code", true)};
      pr.finish();
    }
  }
  auto starts = r.date("starts_on", true), ends = r.date("ends_on", true);
  if (starts) f.starts_on = to_iso(*starts);
  if (ends) f.ends_on = to_iso(*ends);
  if (starts && ends && *ends < *starts) r.error("ends_on", FieldCode::before_start);
  if (r.has("project_id") && !body["project_id"].is_null())
    f.project_id = r.integer("project_id", false);
  else
    r.ignore("project_id");
  r.finish();
  return f;
}

// The province's facts (empty abroad); a province user's fair must be in its own province.
Result<store::ProvinceFacts> checked_place(store::Connection& db, const Actor& a,
                                           const store::Fair& f, std::vector<FieldError>& errors) {
  store::ProvinceFacts pf;
  if (f.province) {
    auto facts = province_facts(db, *f.province, "province", errors);
    if (!facts) return std::unexpected(facts.error());
    if (*facts) pf = **facts;
  }
  if (a.role == Role::province && (f.abroad || pf.province_2025 != a.province_2025))
    errors.push_back({"province", FieldCode::own_province});
  if (f.project_id) {
    auto p = named_record([&](std::int64_t id) { return store::get_project(db, id); }, "project_id",
                          *f.project_id, errors);
    if (!p) return std::unexpected(p.error());
  }
  auto taken = store::fair_code_taken(db, f.code, f.id);
  if (!taken) return std::unexpected(taken.error());
  if (*taken) errors.push_back({"code", FieldCode::code_taken});
  return pf;
}

// A fair the user may change: any for the department, its own province's for a province.
Result<store::Fair> fair_to_write(store::Connection& db, const Actor& a, std::int64_t id) {
  if (!may(a, Permission::manage_fairs)) return std::unexpected(Error::forbidden());
  auto f = store::get_fair(db, id);
  if (!f) return f;
  if (a.role == Role::province && f->province_2025 != a.province_2025)
    return std::unexpected(Error::not_found("fair not found"));
  return f;
}

}  // namespace

Result<json> list_fairs(store::Connection& db, const Actor& a, ListQuery q) {
  if (!may(a, Permission::read_places)) return std::unexpected(Error::forbidden());
  auto tx = store::Transaction::read(db);
  if (!tx) return std::unexpected(tx.error());
  auto page = store::list_fairs(db, q);
  if (!page) return std::unexpected(page.error());
  auto totals = store::fair_totals(db, q);
  if (!totals) return std::unexpected(totals.error());
  json out = page_json(*page, [](const store::Fair& f) { return fair_view(f); });
  out["totals"] = {{"fairs", totals->fairs},
                   {"booths", totals->booths},
                   {"facilities", totals->facilities},
                   {"amount_vnd", totals->amount}};
  return out;
}

Result<json> fair_json(store::Connection& db, const Actor& a, std::int64_t id) {
  if (!may(a, Permission::read_places)) return std::unexpected(Error::forbidden());
  auto tx = store::Transaction::read(db);
  if (!tx) return std::unexpected(tx.error());
  auto f = store::get_fair(db, id);
  if (!f) return std::unexpected(f.error());
  auto booths = store::fair_booths(db, id);
  if (!booths) return std::unexpected(booths.error());
  json out = fair_view(*f);
  out["booth_supports"] = json::array();
  for (const auto& b : *booths) out["booth_supports"].push_back(booth_view(b));
  return out;
}

Result<json> create_fair(store::Connection& db, const Actor& a, const json& body) {
  if (!may(a, Permission::manage_fairs)) return std::unexpected(Error::forbidden());
  std::vector<FieldError> errors;
  store::Fair f = read_fair(body, false, errors);
  return in_write_tx(db, [&]() -> Result<json> {
    auto pf = checked_place(db, a, f, errors);
    if (!pf) return std::unexpected(pf.error());
    if (auto s = fail_if_any(std::move(errors), "fair"); !s) return std::unexpected(s.error());
    auto id = store::insert_fair(db, f, *pf);
    if (!id) return std::unexpected(id.error());
    auto stored = store::get_fair(db, *id);
    if (!stored) return std::unexpected(stored.error());
    json view = fair_view(*stored);
    if (auto s = audit(db, a, "fairs", *id, "create", nullptr, view); !s)
      return std::unexpected(s.error());
    return view;
  });
}

Result<json> update_fair(store::Connection& db, const Actor& a, std::int64_t id, const json& body) {
  if (!may(a, Permission::manage_fairs)) return std::unexpected(Error::forbidden());
  std::vector<FieldError> errors;
  store::Fair f = read_fair(body, true, errors);
  f.id = id;
  std::string reason = body.is_object() ? body.value("reason", std::string()) : std::string();
  return in_write_tx(db, [&]() -> Result<json> {
    auto before = fair_to_write(db, a, id);
    if (!before) return std::unexpected(before.error());
    auto pf = checked_place(db, a, f, errors);
    if (!pf) return std::unexpected(pf.error());
    if (auto s = fail_if_any(std::move(errors), "fair"); !s) return std::unexpected(s.error());
    if (auto s = store::update_fair(db, f, *pf); !s) return std::unexpected(s.error());
    auto stored = store::get_fair(db, id);
    if (!stored) return std::unexpected(stored.error());
    json view = fair_view(*stored);
    if (auto s = audit(db, a, "fairs", id, "update", fair_view(*before), view, reason); !s)
      return std::unexpected(s.error());
    return view;
  });
}

Result<json> add_booth(store::Connection& db, const Actor& a, std::int64_t fair_id,
                       const json& body) {
  if (!may(a, Permission::manage_fairs)) return std::unexpected(Error::forbidden());
  std::vector<FieldError> errors;
  JsonReader r(body, "", errors);
  store::BoothSupport b;
  b.fair_id = fair_id, b.created_by = a.user_id;
  auto facility = r.integer("facility_id", true);
  auto booths = r.integer("booths", true);
  auto amount = r.integer("amount_vnd", true);
  r.finish();
  if (booths && *booths < 1) errors.push_back({"booths", FieldCode::at_least, {{"min", "1"}}});
  if (amount && *amount < 0) errors.push_back({"amount_vnd", FieldCode::negative});
  return in_write_tx(db, [&]() -> Result<json> {
    // The fair is anyone's to support their facilities at; the facility must be in scope.
    auto fair = store::get_fair(db, fair_id);
    if (!fair) return std::unexpected(fair.error());
    if (facility) {
      auto f = named_record([&](std::int64_t id) { return get_facility(db, a, id); }, "facility_id",
                            *facility, errors);
      if (!f) return std::unexpected(f.error());
      auto twice = store::booth_exists(db, fair_id, *facility);
      if (!twice) return std::unexpected(twice.error());
      if (*twice) errors.push_back({"facility_id", FieldCode::listed_twice});
    }
    if (booths && amount && *booths >= 1 && *amount >= 0) {
      const char* rule = fair->abroad ? "fair_booth_ceiling.abroad" : "fair_booth_ceiling.domestic";
      auto ceiling = store::rule_amount(db, rule, fair->starts_on);
      if (!ceiling) return std::unexpected(ceiling.error());
      if (*ceiling && *amount > **ceiling * *booths)
        errors.push_back({"amount_vnd",
                          FieldCode::above_ceiling,
                          {{"amount", format_vnd(**ceiling * *booths)}, {"rule", rule}}});
    }
    if (auto s = fail_if_any(std::move(errors), "booth support"); !s)
      return std::unexpected(s.error());
    b.facility_id = *facility, b.booths = *booths, b.amount = *amount;
    if (auto id = store::insert_booth(db, b); !id) return std::unexpected(id.error());
    json view = {{"id", b.id},
                 {"fair_id", fair_id},
                 {"facility_id", b.facility_id},
                 {"booths", b.booths},
                 {"amount_vnd", b.amount}};
    if (auto s = audit(db, a, "fairs", fair_id, "booth", nullptr, view); !s)
      return std::unexpected(s.error());
    return view;
  });
}

Result<json> facility_booths_json(store::Connection& db, std::int64_t facility_id) {
  auto booths = store::facility_booths(db, facility_id);
  if (!booths) return std::unexpected(booths.error());
  json items = json::array();
  for (const auto& b : *booths) items.push_back(booth_view(b));
  return items;
}

}  // namespace kc::app

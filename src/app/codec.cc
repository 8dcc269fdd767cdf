#include "app/codec.h"

#include <charconv>
#include <cmath>

#include "app/json_reader.h"

namespace kc::app {
namespace {

template <class T>
Result<T> done(T value, std::vector<FieldError>& errors, const char* what) {
  if (!errors.empty())
    return std::unexpected(
        Error::invalid(std::string("the ") + what + " has invalid fields", std::move(errors)));
  return value;
}

// Reads {"set": "2008", "code": "01"} at j (already known to exist) into a ProvinceRef.
ProvinceRef province_at(const json& j, const std::string& prefix, std::vector<FieldError>& errors) {
  JsonReader r(j, prefix + "/", errors);
  ProvinceRef p{r.text("set", true), r.text("code", true)};
  r.finish();
  return p;
}

void read_version(JsonReader& r, std::int64_t& version, bool for_update) {
  if (for_update) {
    version = r.integer("version", true).value_or(0);
  } else if (r.has("version")) {
    r.error("version", FieldCode::server_set);
  }
  for (const char* ro : {"id", "created_at", "updated_at"}) r.ignore(ro);
}

}  // namespace

json to_json(const ProvinceRef& p) {
  return {{"set", p.set}, {"code", p.code}};
}

json to_json(const Program& p) {
  return {{"id", p.id},
          {"code", p.code},
          {"level", p.level},
          {"province", p.province ? to_json(*p.province) : json(nullptr)},
          {"year", p.year},
          {"name", p.name},
          {"budget_vnd", p.budget_vnd},
          {"version", p.version}};
}

json to_json(const Organization& o) {
  return {{"id", o.id},           {"name", o.name},
          {"kind", o.kind},       {"province", to_json(o.province)},
          {"address", o.address}, {"tax_code", o.tax_code},
          {"version", o.version}};
}

json to_json(const Facility& f) {
  return {{"id", f.id},
          {"name", f.name},
          {"kind", f.kind},
          {"tax_code", f.tax_code},
          {"province", to_json(f.province)},
          {"commune", f.commune},
          {"address", f.address},
          {"craft_village", f.craft_village},
          {"women_owned", f.women_owned},
          {"ethnic_minority_workers", f.ethnic_minority_workers},
          {"industry", f.industry},
          {"employees", f.employees},
          {"version", f.version}};
}

namespace {
json project_core(const Project& p) {
  json provinces = json::array();
  for (const auto& x : p.provinces) provinces.push_back(to_json(x));
  return {
      {"id", p.id},
      {"code", p.code},
      {"title", p.title},
      {"year", p.year},
      {"program_id", p.program_id},
      {"content_code", p.content_code},
      {"kind", p.kind},
      {"provinces", provinces},
      {"implementing_org_id", p.implementing_org_id},
      {"requested_vnd", p.requested_vnd},
      {"counterpart_vnd", p.counterpart_vnd},
      {"total_vnd", p.total_vnd},
      {"start", to_iso(p.start)},
      {"end", to_iso(p.end)},
      {"status", p.status},
      {"bundle", p.bundle},
      {"score", p.score_centi ? json(static_cast<double>(*p.score_centi) / 100) : json(nullptr)},
      {"version", p.version},
      {"created_at", p.created_at},
      {"updated_at", p.updated_at}};
}
}  // namespace

json to_json(const Project& p) {
  json j = project_core(p);
  json outputs = json::array();
  for (const auto& o : p.outputs)
    outputs.push_back({{"indicator", o.indicator}, {"quantity", o.quantity}});
  j["beneficiary_ids"] = p.beneficiary_ids;
  j["cooperating_org_ids"] = p.cooperating_org_ids;
  j["outputs"] = outputs;
  j["priority_flags"] = p.priority_flags;
  return j;
}

json to_json(const ProjectListItem& item) {
  json j = project_core(item.project);
  j["implementing_org_name"] = item.implementing_org_name;
  return j;
}

Result<Program> program_from_json(const json& j, bool for_update) {
  std::vector<FieldError> errors;
  JsonReader r(j, "", errors);
  Program p;
  read_version(r, p.version, for_update);
  p.code = r.text("code", true);
  p.level = r.text("level", true);
  if (r.has("province")) p.province = province_at(j["province"], "province", errors);
  r.ignore("province");
  p.year = static_cast<int>(r.integer("year", true).value_or(0));
  p.name = r.text("name", true);
  p.budget_vnd = r.integer("budget_vnd", true).value_or(0);
  r.finish();
  return done(std::move(p), errors, "program");
}

Result<Organization> organization_from_json(const json& j, bool for_update) {
  std::vector<FieldError> errors;
  JsonReader r(j, "", errors);
  Organization o;
  read_version(r, o.version, for_update);
  o.name = r.text("name", true);
  o.kind = r.text("kind", true);
  if (r.has("province"))
    o.province = province_at(j["province"], "province", errors);
  else
    r.error("province", FieldCode::required);
  r.ignore("province");
  o.address = r.text("address", false);
  o.tax_code = r.text("tax_code", false);
  r.finish();
  return done(std::move(o), errors, "organization");
}

Result<Facility> facility_from_json(const json& j, bool for_update) {
  std::vector<FieldError> errors;
  JsonReader r(j, "", errors);
  Facility f;
  read_version(r, f.version, for_update);
  f.name = r.text("name", true);
  f.kind = r.text("kind", true);
  f.tax_code = r.text("tax_code", false);
  if (r.has("province"))
    f.province = province_at(j["province"], "province", errors);
  else
    r.error("province", FieldCode::required);
  r.ignore("province");
  f.commune = r.text("commune", false);
  f.address = r.text("address", false);
  f.craft_village = r.boolean("craft_village");
  f.women_owned = r.boolean("women_owned");
  f.ethnic_minority_workers = r.boolean("ethnic_minority_workers");
  f.industry = r.text("industry", false);
  f.employees = r.integer("employees", false).value_or(0);
  r.finish();
  return done(std::move(f), errors, "facility");
}

Result<Project> project_from_json(const json& j, bool for_update) {
  std::vector<FieldError> errors;
  JsonReader r(j, "", errors);
  Project p;
  read_version(r, p.version, for_update);
  for (const char* ro : {"may_edit", "actions", "amounts_from_dossier"})
    r.ignore(ro);  // the view's, not the record's
  p.code = r.text("code", true);
  p.title = r.text("title", true);
  p.year = static_cast<int>(r.integer("year", true).value_or(0));
  p.program_id = r.integer("program_id", true).value_or(0);
  p.content_code = r.text("content_code", true);
  p.kind = r.has("kind") ? r.text("kind", true) : (r.ignore("kind"), std::string("regular"));
  if (const json* a = r.array("provinces", true)) {
    for (size_t i = 0; i < a->size(); ++i)
      p.provinces.push_back(province_at((*a)[i], "provinces/" + std::to_string(i), errors));
  }
  p.implementing_org_id = r.integer("implementing_org_id", true).value_or(0);
  p.beneficiary_ids = r.ids("beneficiary_ids", false);
  p.cooperating_org_ids = r.ids("cooperating_org_ids", false);
  p.requested_vnd = r.integer("requested_vnd", true).value_or(0);
  p.counterpart_vnd = r.integer("counterpart_vnd", false).value_or(0);
  bool has_total = r.has("total_vnd");
  p.total_vnd = r.integer("total_vnd", false).value_or(0);
  // The total is computed when absent; an overflowing sum is left for validation, whose
  // ceiling check names the amounts that are too large.
  if (!has_total && p.requested_vnd >= 0 && p.counterpart_vnd >= 0)
    p.total_vnd = add_vnd(p.requested_vnd, p.counterpart_vnd).value_or(p.requested_vnd);
  p.start = r.date("start", true).value_or(Date{});
  p.end = r.date("end", true).value_or(Date{});
  if (const json* a = r.array("outputs", false)) {
    for (size_t i = 0; i < a->size(); ++i) {
      JsonReader o((*a)[i], "outputs/" + std::to_string(i) + "/", errors);
      ProjectOutput out{o.text("indicator", true), o.integer("quantity", true).value_or(0)};
      o.finish();
      p.outputs.push_back(std::move(out));
    }
  }
  p.priority_flags = r.strings("priority_flags", false);
  p.bundle = r.text("bundle", false);
  // The score: hundredths of a point from 0 to 100 (null: not scored).
  if (r.has("score")) {
    const json& s = j["score"];
    double centi = s.is_number() ? s.get<double>() * 100 : -1;
    if (centi < 0 || centi > 10000 + 1e-6 || std::abs(centi - std::round(centi)) > 1e-6)
      errors.push_back({"score", FieldCode::between, {{"min", "0"}, {"max", "100"}}});
    else
      p.score_centi = std::llround(centi);
  }
  r.ignore("score");
  // Absent: draft on create, unchanged on update (statuses move through workflow actions).
  p.status = r.has("status") ? r.text("status", true)
                             : (r.ignore("status"), std::string(for_update ? "" : "draft"));
  r.finish();
  return done(std::move(p), errors, "project");
}

Result<ListQuery> list_query_from(const std::map<std::string, std::string>& params,
                                  int max_page_size) {
  ListQuery q;
  std::vector<FieldError> errors;
  auto integer = [&](const std::string& key, const std::string& v) -> std::optional<std::int64_t> {
    std::int64_t n = 0;
    auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
    if (ec != std::errc{} || p != v.data() + v.size()) {
      errors.push_back({key, FieldCode::not_integer});
      return std::nullopt;
    }
    return n;
  };
  for (const auto& [key, v] : params) {
    if (key == "year") {
      if (auto n = integer(key, v)) q.year = static_cast<int>(*n);
    } else if (key == "program") {
      // The program's id or its code (KCQG-2019).
      std::int64_t n = 0;
      auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
      if (ec == std::errc{} && p == v.data() + v.size())
        q.program_id = n;
      else
        q.program_code = v;
    } else if (key == "page") {
      if (auto n = integer(key, v)) {
        if (*n < 1 || *n > 1'000'000)
          errors.push_back({key, FieldCode::at_least, {{"min", "1"}}});
        else
          q.page = static_cast<int>(*n);
      }
    } else if (key == "page_size") {
      if (auto n = integer(key, v)) {
        if (*n < 1 || *n > max_page_size)
          errors.push_back(
              {key, FieldCode::between, {{"min", "1"}, {"max", std::to_string(max_page_size)}}});
        else
          q.page_size = static_cast<int>(*n);
      }
    } else if (key == "province_set") {
      if (v != "2008" && v != "2025")
        errors.push_back({key, FieldCode::one_of, {{"allowed", "2008, 2025"}}});
      q.province_set = v;
    } else if (key == "sort") {
      q.descending = v.starts_with("-");
      q.sort = q.descending ? v.substr(1) : v;
    } else if (key == "content")
      q.content = v;
    else if (key == "province")
      q.province = v;
    else if (key == "region")
      q.region = v;
    else if (key == "area")
      q.area = v;
    else if (key == "status")
      q.status = v;
    else if (key == "kind")
      q.kind = v;
    else if (key == "level")
      q.level = v;
    else if (key == "q")
      q.q = v;
    else
      errors.push_back({key, FieldCode::unknown_parameter});
  }
  if (!errors.empty())
    return std::unexpected(Error::invalid("invalid query parameters", std::move(errors)));
  return q;
}

}  // namespace kc::app

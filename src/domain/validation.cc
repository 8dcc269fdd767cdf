#include "domain/validation.h"

#include <cctype>
#include <set>

#include "domain/text.h"

namespace kc {
namespace {

constexpr int kMinYear = 2000, kMaxYear = 2100;

void need_text(const std::string& value, const char* field, size_t max,
               std::vector<FieldError>& out) {
  if (trim(value).empty()) {
    out.push_back({field, FieldCode::not_empty});
  } else if (value.size() > max) {
    out.push_back({field, FieldCode::too_long, {{"max", std::to_string(max)}}});
  }
}

void max_text(const std::string& value, const char* field, size_t max,
              std::vector<FieldError>& out) {
  if (value.size() > max)
    out.push_back({field, FieldCode::too_long, {{"max", std::to_string(max)}}});
}

void need_one_of(const std::string& value, const char* field,
                 std::span<const std::string_view> allowed, std::vector<FieldError>& out) {
  if (!is_one_of(value, allowed))
    out.push_back({field, FieldCode::one_of, {{"allowed", list_of(allowed)}}});
}

void need_year(int year, std::vector<FieldError>& out) {
  if (year < kMinYear || year > kMaxYear)
    out.push_back({"year",
                   FieldCode::year_range,
                   {{"min", std::to_string(kMinYear)}, {"max", std::to_string(kMaxYear)}}});
}

void need_money(Vnd v, const char* field, std::vector<FieldError>& out) {
  if (v < 0) out.push_back({field, FieldCode::negative});
}

}  // namespace

void validate_province_shape(const ProvinceRef& p, const std::string& field,
                             std::vector<FieldError>& out) {
  if (!is_one_of(p.set, kProvinceSets))
    out.push_back({field + "/set", FieldCode::one_of, {{"allowed", "2008, 2025"}}});
  bool digits = p.code.size() == 2 && std::isdigit(static_cast<unsigned char>(p.code[0])) &&
                std::isdigit(static_cast<unsigned char>(p.code[1]));
  if (!digits) out.push_back({field + "/code", FieldCode::province_code_format});
}

std::vector<FieldError> validate(const Program& p) {
  std::vector<FieldError> out;
  need_text(p.code, "code", 40, out);
  need_text(p.name, "name", 300, out);
  need_one_of(p.level, "level", kProgramLevels, out);
  need_year(p.year, out);
  need_money(p.budget_vnd, "budget_vnd", out);
  if (p.level == "KCDP" && !p.province)
    out.push_back({"province", FieldCode::required_for, {{"what", "KCDP"}}});
  if (p.level == "KCQG" && p.province)
    out.push_back({"province", FieldCode::must_be_empty, {{"what", "KCQG"}}});
  if (p.province) validate_province_shape(*p.province, "province", out);
  return out;
}

std::vector<FieldError> validate(const Organization& o) {
  std::vector<FieldError> out;
  need_text(o.name, "name", 300, out);
  need_one_of(o.kind, "kind", kOrganizationKinds, out);
  validate_province_shape(o.province, "province", out);
  max_text(o.address, "address", 500, out);
  max_text(o.tax_code, "tax_code", 20, out);
  return out;
}

std::vector<FieldError> validate(const Facility& f) {
  std::vector<FieldError> out;
  need_text(f.name, "name", 300, out);
  need_one_of(f.kind, "kind", kFacilityKinds, out);
  validate_province_shape(f.province, "province", out);
  max_text(f.tax_code, "tax_code", 20, out);
  max_text(f.commune, "commune", 200, out);
  max_text(f.address, "address", 500, out);
  max_text(f.industry, "industry", 200, out);
  if (f.employees < 0) out.push_back({"employees", FieldCode::negative});
  return out;
}

std::vector<FieldError> validate(const Project& p) {
  std::vector<FieldError> out;
  need_text(p.code, "code", 40, out);
  need_text(p.title, "title", 500, out);
  need_year(p.year, out);
  if (p.program_id <= 0) out.push_back({"program_id", FieldCode::required});
  need_text(p.content_code, "content_code", 40, out);
  need_one_of(p.kind, "kind", kProjectKinds, out);
  need_one_of(p.status, "status", kProjectStatuses, out);
  if (p.provinces.empty()) out.push_back({"provinces", FieldCode::no_province});
  if (p.kind == "regular" && p.provinces.size() > 1)
    out.push_back({"provinces", FieldCode::one_province});
  std::set<std::pair<std::string, std::string>> seen;
  for (size_t i = 0; i < p.provinces.size(); ++i) {
    validate_province_shape(p.provinces[i], "provinces/" + std::to_string(i), out);
    if (!seen.insert({p.provinces[i].set, p.provinces[i].code}).second)
      out.push_back({"provinces/" + std::to_string(i), FieldCode::listed_twice});
  }
  if (p.implementing_org_id <= 0) out.push_back({"implementing_org_id", FieldCode::required});
  need_money(p.requested_vnd, "requested_vnd", out);
  need_money(p.counterpart_vnd, "counterpart_vnd", out);
  need_money(p.total_vnd, "total_vnd", out);
  auto sum = add_vnd(p.requested_vnd, p.counterpart_vnd);
  if (p.requested_vnd >= 0 && p.counterpart_vnd >= 0 && (!sum || *sum != p.total_vnd))
    out.push_back(
        {"total_vnd", FieldCode::sum_mismatch, {{"a", "requested_vnd"}, {"b", "counterpart_vnd"}}});
  if (!is_valid(p.start)) out.push_back({"start", FieldCode::not_date});
  if (!is_valid(p.end)) out.push_back({"end", FieldCode::not_date});
  if (is_valid(p.start) && is_valid(p.end) && p.end < p.start)
    out.push_back({"end", FieldCode::before_start});
  std::set<std::string> indicators;
  for (size_t i = 0; i < p.outputs.size(); ++i) {
    std::string f = "outputs/" + std::to_string(i);
    if (p.outputs[i].quantity < 0) out.push_back({f + "/quantity", FieldCode::negative});
    if (!indicators.insert(p.outputs[i].indicator).second)
      out.push_back({f + "/indicator", FieldCode::listed_twice});
  }
  for (size_t i = 0; i < p.priority_flags.size(); ++i) {
    if (!is_one_of(p.priority_flags[i], kPriorityFlags))
      out.push_back({"priority_flags/" + std::to_string(i),
                     FieldCode::one_of,
                     {{"allowed", list_of(kPriorityFlags)}}});
  }
  return out;
}

}  // namespace kc

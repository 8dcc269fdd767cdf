#include "app/columns.h"

#include <fmt/format.h>
#include <algorithm>
#include <charconv>

#include "domain/money.h"
#include "domain/text.h"
#include "io/xlsx_reader.h"

namespace kc::app {

const char* kind_name(ImportKind kind) {
  switch (kind) {
    case ImportKind::organizations:
      return "organizations";
    case ImportKind::facilities:
      return "facilities";
    case ImportKind::projects:
      return "projects";
    case ImportKind::clusters:
      return "clusters";
  }
  return "";
}
namespace {

using nlohmann::json;

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t end = s.find(sep, start);
    if (end == std::string::npos) end = s.size();
    std::string part(trim(std::string_view(s).substr(start, end - start)));
    if (!part.empty()) out.push_back(part);
    start = end + 1;
  }
  return out;
}

std::optional<std::int64_t> to_int(const std::string& s) {
  std::int64_t v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc{} || p != s.data() + s.size()) return std::nullopt;
  return v;
}

template <class T, class F>
std::string joined(const std::vector<T>& xs, F&& one) {
  std::string s;
  for (const auto& x : xs) s += (s.empty() ? "" : ";") + one(x);
  return s;
}

std::string ids(const std::vector<std::int64_t>& xs) {
  return joined(xs, [](std::int64_t id) { return std::to_string(id); });
}

using W = std::function<std::string(const Project&, const ExportContext&)>;

}  // namespace

const std::vector<Column>& columns_of(ImportKind kind) {
  static const std::vector<Column> kOrgs{
      {"name", true, Cell::text, "", {}},
      {"kind",
       true,
       Cell::text,
       " (`provincial_center`, `department`, `regional_center`, `association`, "
       "`institute_school`, `enterprise`, `ministry_unit`, `other`)",
       {}},
      {"province_set", true, Cell::province_pair, " (`2008` or `2025`)", {}},
      {"province_code", true, Cell::province_pair, " (two digits, e.g. `01`)", {}},
      {"address", false, Cell::text, "", {}},
      {"tax_code", false, Cell::text, "", {}}};
  static const std::vector<Column> kFacilities{
      {"name", true, Cell::text, "", {}},
      {"kind",
       true,
       Cell::text,
       " (`small_enterprise`, `medium_enterprise`, `cooperative`, `union_of_cooperatives`, "
       "`cooperative_group`, `household_business`, `artisan`)",
       {}},
      {"province_set", true, Cell::province_pair, "", {}},
      {"province_code", true, Cell::province_pair, "", {}},
      {"tax_code", false, Cell::text, "", {}},
      {"commune", false, Cell::text, "", {}},
      {"address", false, Cell::text, "", {}},
      {"craft_village", false, Cell::boolean, "", {}},
      {"women_owned", false, Cell::boolean, "", {}},
      {"ethnic_minority_workers",
       false,
       Cell::boolean,
       " (these three: `1`/`0`, `yes`/`no`, `có`/`không` or an XLSX TRUE/FALSE)",
       {}},
      {"industry", false, Cell::text, "", {}},
      {"employees", false, Cell::integer, "", {}}};
  static const std::vector<Column> kProjects{
      {"code", true, Cell::text, " (unique)", W([](const Project& p, auto&) { return p.code; })},
      {"title", true, Cell::text, "", W([](const Project& p, auto&) { return p.title; })},
      {"year", true, Cell::integer, "",
       W([](const Project& p, auto&) { return std::to_string(p.year); })},
      {"program_code", true, Cell::text, " (e.g. `KCQG-2018`; the program's id is accepted too)",
       W([](const Project& p, const ExportContext& c) {
         auto it = c.program_codes.find(p.program_id);
         return it == c.program_codes.end() ? std::to_string(p.program_id) : it->second;
       })},
      {"content_code", true, Cell::text, " (e.g. `ND45-03`; must be in force in that year)",
       W([](const Project& p, auto&) { return p.content_code; })},
      {"kind", false, Cell::text, " (`regular` default, `point`, `group`)",
       W([](const Project& p, auto&) { return p.kind; })},
      {"provinces", true, Cell::provinces, " (`SET:CODE` separated by `;`, e.g. `2008:01;2008:79`)",
       W([](const Project& p, auto&) {
         return joined(p.provinces, [](const ProvinceRef& r) { return r.set + ":" + r.code; });
       })},
      {"implementing_org_id", true, Cell::integer, "",
       W([](const Project& p, auto&) { return std::to_string(p.implementing_org_id); })},
      {"beneficiary_ids", false, Cell::id_list, "",
       W([](const Project& p, auto&) { return ids(p.beneficiary_ids); })},
      {"cooperating_org_ids", false, Cell::id_list, " (these two: ids separated by `;`)",
       W([](const Project& p, auto&) { return ids(p.cooperating_org_ids); })},
      {"requested_vnd", true, Cell::money, "",
       W([](const Project& p, auto&) { return std::to_string(p.requested_vnd); })},
      {"counterpart_vnd", false, Cell::money, "",
       W([](const Project& p, auto&) { return std::to_string(p.counterpart_vnd); })},
      {"total_vnd", false, Cell::money,
       " (these three: whole đồng; `1.234.567`, `1 234 567` and `1234567 đ` are accepted, "
       "`1000.5` is refused; the total defaults to requested + counterpart and must equal it)",
       W([](const Project& p, auto&) { return std::to_string(p.total_vnd); })},
      {"start", true, Cell::date, "", W([](const Project& p, auto&) { return to_iso(p.start); })},
      {"end", true, Cell::date,
       " (these two: `YYYY-MM-DD`, `dd/mm/yyyy`, an XLSX date cell, or the day number Excel "
       "writes for a date when it saves a CSV, e.g. `43466` for 01/01/2019)",
       W([](const Project& p, auto&) { return to_iso(p.end); })},
      {"outputs", false, Cell::outputs,
       " (`indicator=quantity` separated by `;`, e.g. `demo_model=1;facility_supported=2`)",
       W([](const Project& p, auto&) {
         return joined(p.outputs, [](const ProjectOutput& o) {
           return o.indicator + "=" + std::to_string(o.quantity);
         });
       })},
      {"priority_flags", false, Cell::flags, " (separated by `;`)", W([](const Project& p, auto&) {
         return joined(p.priority_flags, [](const std::string& f) { return f; });
       })},
      {"status", false, Cell::text, " (default `draft`)",
       W([](const Project& p, auto&) { return p.status; })},
      {"score", false, Cell::score,
       " (the appraisal score, 0–100 with up to two decimals: a round appraised outside the "
       "system is imported as `passed` proposals with their scores)",
       W([](const Project& p, auto&) {
         if (!p.score_centi) return std::string();
         auto c = *p.score_centi;
         return std::to_string(c / 100) + (c % 100 ? fmt::format(".{:02}", c % 100) : "");
       })},
      {"bundle", false, Cell::text, " (proposals with the same bundle are funded all or none)",
       W([](const Project& p, auto&) { return p.bundle; })}};
  // The provinces' reports on their industrial clusters (app/clusters.h): a new cluster per row.
  static const std::vector<Column> kClusters{
      {"code", true, Cell::text, " (unique)", {}},
      {"name", true, Cell::text, "", {}},
      {"province_set", true, Cell::province_pair, "", {}},
      {"province_code", true, Cell::province_pair, "", {}},
      {"commune", false, Cell::text, "", {}},
      {"status", true, Cell::text, " (`in_list`, `established`, `expanded`, `operating`)", {}},
      {"established_on", false, Cell::date, "", {}},
      {"area_ha", true, Cell::score, " (these three: hectares, e.g. `45,5`)", {}},
      {"industrial_land_ha", true, Cell::score, "", {}},
      {"leased_land_ha", true, Cell::score, "", {}},
      {"investor", false, Cell::text, "", {}},
      {"plan_approved_on", false, Cell::date, "", {}},
      {"roads_done", false, Cell::boolean, "", {}},
      {"water_done", false, Cell::boolean, "", {}},
      {"wastewater_done", false, Cell::boolean, "", {}},
      {"tenants", false, Cell::integer, "", {}},
      {"workers", false, Cell::integer, "", {}}};
  switch (kind) {
    case ImportKind::clusters:
      return kClusters;
    case ImportKind::organizations:
      return kOrgs;
    case ImportKind::facilities:
      return kFacilities;
    case ImportKind::projects:
      return kProjects;
  }
  return kOrgs;
}

std::vector<std::string> project_cells(const Project& p, const ExportContext& ctx) {
  std::vector<std::string> out;
  for (const auto& c : columns_of(ImportKind::projects)) out.push_back(c.write(p, ctx));
  return out;
}

std::vector<std::size_t> project_number_columns() {
  std::vector<std::size_t> out;
  const auto& cols = columns_of(ImportKind::projects);
  for (std::size_t i = 0; i < cols.size(); ++i)
    if (cols[i].cell == Cell::integer || cols[i].cell == Cell::money) out.push_back(i);
  return out;
}

std::string columns_markdown() {
  std::string out;
  for (auto [kind, name] :
       {std::pair{ImportKind::organizations, "organizations"},
        std::pair{ImportKind::facilities, "facilities"},
        std::pair{ImportKind::projects, "projects"}, std::pair{ImportKind::clusters, "clusters"}}) {
    out += std::string("**") + name + "** —";
    const auto& cols = columns_of(kind);
    for (std::size_t i = 0; i < cols.size(); ++i) {
      out += std::string(i ? ", " : " ") + "`" + cols[i].name + "`" +
             (cols[i].required ? "\\*" : "") + cols[i].doc;
    }
    out += ".\n\n";
  }
  out += "\\* required.\n";
  return out;
}

// Converts one cell into JSON at j[column]; appends an error when the cell is malformed.
void put_cell(json& j, const Column& c, const std::string& raw, CellErrors& errors) {
  std::string v(trim(raw));
  if (v.empty()) return;  // absent: the codec reports it when required
  switch (c.cell) {
    case Cell::text:
      // Our exports protect formula-like text with a leading "'": take it off again.
      if (v.size() > 1 && v[0] == '\'' && std::string_view("=+-@").find(v[1]) != std::string::npos)
        v.erase(0, 1);
      j[c.name] = v;
      break;
    case Cell::date:
      // A spreadsheet's date saved as its serial day number (1900 date system).
      if (auto n = to_int(v); n && *n >= 1 && *n <= 2958465) {
        std::string iso = io::excel_serial_to_iso(*n, false);
        if (iso.empty())
          errors.push_back({c.name, FieldCode::not_date});
        else
          j[c.name] = iso;
      } else {
        j[c.name] = v;
      }
      break;
    case Cell::integer:
      if (auto n = to_int(v))
        j[c.name] = *n;
      else
        errors.push_back({c.name, FieldCode::not_whole_number});
      break;
    case Cell::score: {
      std::string dotted = v;
      std::replace(dotted.begin(), dotted.end(), ',', '.');
      double d = 0;
      auto [end, ec] = std::from_chars(dotted.data(), dotted.data() + dotted.size(), d);
      if (ec == std::errc{} && end == dotted.data() + dotted.size())
        j[c.name] = d;
      else
        errors.push_back({c.name, FieldCode::not_number});
      break;
    }
    case Cell::money:
      if (auto n = parse_vnd(v))
        j[c.name] = *n;
      else
        errors.push_back({c.name, FieldCode::not_money});
      break;
    case Cell::boolean: {
      std::string f = fold_for_search(v);
      if (f == "1" || f == "true" || f == "yes" || f == "co" || f == "x")
        j[c.name] = true;
      else if (f == "0" || f == "false" || f == "no" || f == "khong")
        j[c.name] = false;
      else
        errors.push_back({c.name, FieldCode::not_yes_no});
      break;
    }
    case Cell::province_pair:
      j["province"][std::string(c.name) == "province_set" ? "set" : "code"] = v;
      break;
    case Cell::provinces: {
      json a = json::array();
      for (const auto& part : split(v, ';')) {
        auto colon = part.find(':');
        if (colon == std::string::npos) {
          errors.push_back({c.name, FieldCode::province_list_format});
          return;
        }
        a.push_back({{"set", part.substr(0, colon)}, {"code", part.substr(colon + 1)}});
      }
      j[c.name] = a;
      break;
    }
    case Cell::id_list: {
      json a = json::array();
      for (const auto& part : split(v, ';')) {
        auto n = to_int(part);
        if (!n) {
          errors.push_back({c.name, FieldCode::id_list_format});
          return;
        }
        a.push_back(*n);
      }
      j[c.name] = a;
      break;
    }
    case Cell::outputs: {
      json a = json::array();
      for (const auto& part : split(v, ';')) {
        auto eq = part.find('=');
        auto n = eq == std::string::npos ? std::nullopt : to_int(part.substr(eq + 1));
        if (!n) {
          errors.push_back({c.name, FieldCode::outputs_format});
          return;
        }
        a.push_back({{"indicator", part.substr(0, eq)}, {"quantity", *n}});
      }
      j[c.name] = a;
      break;
    }
    case Cell::flags:
      j[c.name] = split(v, ';');
      break;
  }
}

}  // namespace kc::app

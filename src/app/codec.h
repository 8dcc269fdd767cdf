#pragma once
// JSON shapes of the register's entities, shared by the HTTP API and the CLI. Reading is
// strict (see JsonReader); `from_json` returns every field error at once.
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "domain/error.h"
#include "domain/list_query.h"
#include "domain/project.h"

namespace kc::app {

using nlohmann::json;

json to_json(const ProvinceRef& p);
json to_json(const Program& p);
json to_json(const Organization& o);
json to_json(const Facility& f);
json to_json(const Project& p);
json to_json(const ProjectListItem& item);  // list row: no outputs/beneficiaries/flags

// `for_update` requires "version"; otherwise "version" is not accepted.
Result<Program> program_from_json(const json& j, bool for_update);
Result<Organization> organization_from_json(const json& j, bool for_update);
Result<Facility> facility_from_json(const json& j, bool for_update);
Result<Project> project_from_json(const json& j, bool for_update);

// Query-string parameters of a list: year, program, content, province, province_set, region,
// area, status, kind, level, q, sort ("field" or "-field" for descending), page, page_size.
// Unknown parameters and bad values are field errors. page_size is at most `max_page_size`.
Result<ListQuery> list_query_from(const std::map<std::string, std::string>& params,
                                  int max_page_size = 200);

// The list envelope: {"items": [...], "total": N, "page": P, "page_size": S}, with
// "total_is_estimate": true when a large search's total is extrapolated.
template <class T, class F>
json page_json(const Page<T>& page, F&& item_json) {
  json items = json::array();
  for (const auto& x : page.items) items.push_back(item_json(x));
  json out = {{"items", std::move(items)},
              {"total", page.total},
              {"page", page.page},
              {"page_size", page.page_size}};
  if (page.total_is_estimate) out["total_is_estimate"] = true;
  return out;
}

}  // namespace kc::app

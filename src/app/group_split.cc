#include "app/group_split.h"

#include <set>

#include "app/audit.h"
#include "app/checks.h"
#include "app/json_reader.h"
#include "app/planning.h"
#include "app/projects.h"
#include "domain/date.h"
#include "store/decision_repo.h"
#include "store/register_repo.h"

namespace kc::app {
namespace {

using nlohmann::json;

json to_json(const store::GroupSplit& s) {
  json items = json::array();
  for (const auto& i : s.items)
    items.push_back({{"facility_id", i.facility_id},
                     {"facility_name", i.facility_name},
                     {"amount_vnd", i.amount}});
  return {{"id", s.id},
          {"project_id", s.project_id},
          {"number", s.number},
          {"signed_on", s.signed_on},
          {"total_vnd", s.total},
          {"items", items},
          {"created_at", s.created_at}};
}

struct SplitInput {
  std::string number;
  Date signed_on;
  std::vector<store::SplitItem> items;
};

// Each facility exists; the amounts add up to the project's current amount.
Status check_items(store::Connection& db, const SplitInput& in, Vnd current) {
  std::vector<FieldError> errors;
  Vnd sum = 0;
  for (std::size_t i = 0; i < in.items.size(); ++i) {
    const auto& item = in.items[i];
    sum += item.amount;
    auto f = store::get_facility(db, item.facility_id);
    if (!f && f.error().kind != ErrorKind::not_found) return std::unexpected(f.error());
    if (!f)
      errors.push_back({"items/" + std::to_string(i) + "/facility_id",
                        FieldCode::no_such_record,
                        {{"id", std::to_string(item.facility_id)}}});
  }
  if (errors.empty() && sum != current)
    errors.push_back({"items", FieldCode::split_total, {{"total", std::to_string(current)}}});
  return fail_if_any(std::move(errors), "split");
}

Result<SplitInput> split_from_json(const json& j) {
  std::vector<FieldError> errors;
  JsonReader r(j, "", errors);
  SplitInput in;
  in.number = r.text("number", true);
  in.signed_on = r.date("signed_on", true).value_or(Date{});
  std::set<std::int64_t> seen;
  if (const json* items = r.array("items", true)) {
    if (items->empty()) r.error("items", FieldCode::required);
    for (std::size_t i = 0; i < items->size(); ++i) {
      JsonReader item((*items)[i], "items/" + std::to_string(i) + "/", errors);
      if (!item.is_object()) continue;
      store::SplitItem s;
      s.facility_id = item.integer("facility_id", true).value_or(0);
      s.amount = item.integer("amount_vnd", true).value_or(0);
      if (s.amount < 1) item.error("amount_vnd", FieldCode::at_least, {{"min", "1"}});
      if (s.facility_id != 0 && !seen.insert(s.facility_id).second)
        item.error("facility_id", FieldCode::listed_twice);
      item.finish();
      in.items.push_back(std::move(s));
    }
  }
  r.finish();
  if (auto f = fail_if_any(std::move(errors), "split"); !f) return std::unexpected(f.error());
  return in;
}

}  // namespace

Result<json> split_group_project(store::Connection& db, const Actor& a, std::int64_t project_id,
                                 const json& body) {
  if (!may(a, Permission::build_plans)) return std::unexpected(Error::forbidden());
  return in_write_tx(db, [&]() -> Result<json> {
    auto project = get_project(db, a, project_id);
    if (!project) return std::unexpected(project.error());
    auto program = store::get_program(db, project->program_id);
    if (!program) return std::unexpected(program.error());
    auto parsed = split_from_json(body);
    if (!parsed) return std::unexpected(parsed.error());
    const SplitInput& in = *parsed;
    if (auto st = check_plan_access(db, a, *program, Permission::build_plans); !st)
      return std::unexpected(st.error());
    if (project->kind != "group")
      return std::unexpected(conflict(
          "not_group", project->code + " is not a group project: its amount is not split"));
    auto decided = store::project_decisions(db, project_id);
    if (!decided) return std::unexpected(decided.error());
    Vnd current = 0;
    for (const auto& d : *decided) current += d.amount;
    if (current == 0 || project->status == "cancelled")
      return std::unexpected(
          conflict("not_in_plan", project->code + " has no amount in the plan to split"));
    auto earlier = store::project_splits(db, project_id);
    if (!earlier) return std::unexpected(earlier.error());
    std::vector<FieldError> taken;
    for (const auto& s : *earlier)
      if (s.number == in.number) taken.push_back({"number", FieldCode::code_taken});
    if (auto f = fail_if_any(std::move(taken), "split"); !f) return std::unexpected(f.error());
    if (auto st = check_items(db, in, current); !st) return std::unexpected(st.error());
    store::GroupSplit s;
    s.project_id = project_id, s.number = in.number, s.signed_on = to_iso(in.signed_on);
    s.total = current, s.items = in.items, s.created_by = a.user_id;
    if (auto w = store::insert_split(db, s); !w) return std::unexpected(w.error());
    json view = to_json(s);
    json before = earlier->empty() ? json(nullptr) : to_json(earlier->back());
    if (auto w = audit(db, a, "projects", project_id, "split", before, view); !w)
      return std::unexpected(w.error());
    return view;
  });
}

Result<json> group_splits_json(store::Connection& db, std::int64_t project_id) {
  auto list = store::project_splits(db, project_id);
  if (!list) return std::unexpected(list.error());
  json out = json::array();
  for (const auto& s : *list) out.push_back(to_json(s));
  return out;
}

}  // namespace kc::app

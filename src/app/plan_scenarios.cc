#include "app/plan_scenarios.h"

#include <map>
#include <set>

#include "app/audit.h"
#include "app/checks.h"
#include "app/plan_decisions.h"
#include "app/plan_scenario.h"
#include "app/planning.h"
#include "app/projects.h"
#include "planning/planner.h"
#include "store/plan_repo.h"
#include "store/register_repo.h"

namespace kc::app {
namespace {

using nlohmann::json;

// Solves the scenario with explanations: what a saved scenario keeps.
struct Solved {
  planning::Scenario scenario;
  std::int64_t program_id = 0;
  json result;
};

Result<Solved> solve(store::Connection& db, const Actor& a, const json& body) {
  auto s = scenario_from_json(body);
  if (!s) return std::unexpected(s.error());
  auto p = load_problem(db, a, *s);
  if (!p) return std::unexpected(p.error());
  auto answer = planning::plan(*p, {true, 30});
  return Solved{*s, p->program_id, to_json(answer, *p)};
}

json headline(const json& result) {
  return {{"status", result.value("status", "")},
          {"value", result.value("value", 0.0)},
          {"allocated_vnd", result.value("allocated_vnd", Vnd{0})},
          {"envelope_vnd", result.value("envelope_vnd", Vnd{0})},
          {"funded", result.contains("funded") ? result["funded"].size() : 0}};
}

json view(const store::SavedScenario& s, const std::string& program, bool with_result) {
  json result = s.result.empty() ? json(nullptr) : json::parse(s.result, nullptr, false);
  json j = {{"id", s.id},
            {"program", program},
            {"name", s.name},
            {"scenario", json::parse(s.body, nullptr, false)},
            {"version", s.version},
            {"created_at", s.created_at},
            {"updated_at", s.updated_at}};
  if (!result.is_null()) j["headline"] = headline(result);
  if (with_result) j["result"] = result;
  return j;
}

Result<Program> readable_program(store::Connection& db, const Actor& a, std::int64_t id) {
  auto program = store::get_program(db, id);
  if (!program) return program;
  if (auto st = check_plan_access(db, a, *program, Permission::read_plans); !st)
    return std::unexpected(st.error());
  return program;
}

Status check_name(store::Connection& db, std::int64_t program_id, const std::string& name,
                  std::int64_t except) {
  auto taken = store::scenario_name_taken(db, program_id, name, except);
  if (!taken) return std::unexpected(taken.error());
  if (*taken) return fail_if_any({{"name", FieldCode::code_taken}}, "scenario");
  return {};
}

// The name checked before the (slow) solve; checked again inside the write transaction.
Status check_name_first(store::Connection& db, const json& body, std::int64_t except) {
  if (!body.is_object() || !body.contains("name") || !body["name"].is_string() ||
      !body.contains("program") || !body["program"].is_string())
    return {};
  auto program = store::find_program_id(db, body["program"].get<std::string>());
  if (!program) return std::unexpected(program.error());
  if (!*program) return {};  // the solve names the unknown program
  return check_name(db, **program, body["name"].get<std::string>(), except);
}

}  // namespace

Result<json> save_scenario(store::Connection& db, const Actor& a, const json& body) {
  if (auto st = check_name_first(db, body, 0); !st) return std::unexpected(st.error());
  if (auto st = check_name_first(db, body, 0); !st) return std::unexpected(st.error());
  auto solved = solve(db, a, body);
  if (!solved) return std::unexpected(solved.error());
  return in_write_tx(db, [&]() -> Result<json> {
    if (auto st = check_name(db, solved->program_id, solved->scenario.name, 0); !st)
      return std::unexpected(st.error());
    store::SavedScenario s{0,
                           solved->program_id,
                           a.user_id,
                           1,
                           solved->scenario.name,
                           to_json(solved->scenario).dump(),
                           solved->result.dump(),
                           "",
                           ""};
    auto id = store::insert_scenario(db, s);
    if (!id) return std::unexpected(id.error());
    json after = {{"name", s.name},
                  {"scenario", to_json(solved->scenario)},
                  {"headline", headline(solved->result)}};
    if (auto w = audit(db, a, "plan_scenarios", *id, "create", nullptr, after); !w)
      return std::unexpected(w.error());
    auto stored = store::get_scenario(db, *id);
    if (!stored) return std::unexpected(stored.error());
    return view(*stored, solved->scenario.program, true);
  });
}

Result<json> replace_scenario(store::Connection& db, const Actor& a, std::int64_t id,
                              std::int64_t version, const json& body) {
  if (auto st = check_name_first(db, body, id); !st) return std::unexpected(st.error());
  auto solved = solve(db, a, body);
  if (!solved) return std::unexpected(solved.error());
  return in_write_tx(db, [&]() -> Result<json> {
    auto before = store::get_scenario(db, id);
    if (!before) return std::unexpected(before.error());
    if (before->program_id != solved->program_id)
      return std::unexpected(
          Error::invalid("invalid scenario", {{"program", FieldCode::server_set}}));
    if (auto st = check_name(db, before->program_id, solved->scenario.name, id); !st)
      return std::unexpected(st.error());
    store::SavedScenario s = *before;
    s.version = version, s.name = solved->scenario.name;
    s.body = to_json(solved->scenario).dump(), s.result = solved->result.dump();
    if (auto w = store::update_scenario(db, s); !w) return std::unexpected(w.error());
    json was = {{"name", before->name}, {"scenario", json::parse(before->body, nullptr, false)}};
    json now = {{"name", s.name},
                {"scenario", to_json(solved->scenario)},
                {"headline", headline(solved->result)}};
    if (auto w = audit(db, a, "plan_scenarios", id, "update", was, now); !w)
      return std::unexpected(w.error());
    auto stored = store::get_scenario(db, id);
    if (!stored) return std::unexpected(stored.error());
    return view(*stored, solved->scenario.program, true);
  });
}

Result<json> get_saved_scenario(store::Connection& db, const Actor& a, std::int64_t id) {
  auto s = store::get_scenario(db, id);
  if (!s) return std::unexpected(s.error());
  auto program = readable_program(db, a, s->program_id);
  if (!program) return std::unexpected(program.error());
  return view(*s, program->code, true);
}

Result<json> list_saved_scenarios(store::Connection& db, const Actor& a,
                                  const std::string& program) {
  if (!may(a, Permission::read_plans)) return std::unexpected(Error::forbidden());
  std::int64_t program_id = 0;
  if (!program.empty()) {
    auto id = store::find_program_id(db, program);
    if (!id) return std::unexpected(id.error());
    if (!*id)
      return std::unexpected(Error::invalid(
          "invalid query", {{"program", FieldCode::unknown_program, {{"code", program}}}}));
    program_id = **id;
  }
  auto list = store::list_scenarios(db, program_id);
  if (!list) return std::unexpected(list.error());
  json items = json::array();
  std::map<std::int64_t, std::optional<std::string>> readable;
  for (const auto& s : *list) {
    if (!readable.contains(s.program_id)) {
      auto p = readable_program(db, a, s.program_id);
      readable[s.program_id] = p ? std::optional(p->code) : std::nullopt;
    }
    if (const auto& code = readable[s.program_id]) items.push_back(view(s, *code, false));
  }
  return json{{"items", items}};
}

namespace {

// Funded count and money per key (the main content, province or region of each proposal).
json breakdown(const std::vector<json>& results, const char* field, bool list) {
  std::map<std::string, std::vector<std::pair<int, Vnd>>> by_key;
  for (std::size_t i = 0; i < results.size(); ++i)
    for (const auto& f : results[i]["funded"]) {
      const json& k = f[field];
      std::string key = list ? (k.empty() ? "" : k[0].get<std::string>())
                             : (k.is_string() ? k.get<std::string>() : "");
      auto& row = by_key[key];
      row.resize(results.size());
      row[i].first += 1;
      row[i].second += f["amount_vnd"].get<Vnd>();
    }
  json out = json::array();
  for (auto& [key, row] : by_key) {
    row.resize(results.size());
    json cells = json::array();
    for (auto [count, amount] : row) cells.push_back({{"funded", count}, {"amount_vnd", amount}});
    out.push_back({{"key", key}, {"scenarios", cells}});
  }
  return out;
}

// The proposals funded differently (in one and not another, or with another amount).
json differences(const std::vector<json>& results) {
  std::map<std::string, std::pair<json, std::vector<Vnd>>> by_code;
  for (std::size_t i = 0; i < results.size(); ++i)
    for (const char* part : {"funded", "unfunded"})
      for (const auto& f : results[i][part]) {
        auto& [facts, amounts] = by_code[f["code"].get<std::string>()];
        if (facts.is_null()) facts = {{"code", f["code"]}, {"id", f["id"]}, {"title", f["title"]}};
        amounts.resize(results.size());
        amounts[i] = f.value("amount_vnd", Vnd{0});
      }
  json out = json::array();
  for (auto& [code, entry] : by_code) {
    auto& [facts, amounts] = entry;
    amounts.resize(results.size());
    if (std::set<Vnd>(amounts.begin(), amounts.end()).size() < 2) continue;
    json item = facts;
    item["amounts_vnd"] = amounts;
    out.push_back(std::move(item));
  }
  return out;
}

}  // namespace

Result<json> project_plan_entry(store::Connection& db, const Actor& a, std::int64_t project_id) {
  if (!may(a, Permission::read_plans)) return std::unexpected(Error::forbidden());
  auto project = get_project(db, a, project_id);
  if (!project) return std::unexpected(project.error());
  auto decided = project_decided(db, project_id);
  if (!decided) return std::unexpected(decided.error());
  json out = {
      {"scenario", nullptr}, {"status", nullptr}, {"entry", nullptr}, {"decided", *decided}};
  auto list = store::list_scenarios(db, project->program_id);
  if (!list) return std::unexpected(list.error());
  for (const auto& head : *list) {  // newest first
    auto s = store::get_scenario(db, head.id);
    if (!s) return std::unexpected(s.error());
    json result = json::parse(s->result, nullptr, false);
    for (const char* part : {"funded", "unfunded"}) {
      if (!result.is_object() || !result.contains(part)) continue;
      for (const auto& item : result[part]) {
        if (item.value("id", std::int64_t{0}) != project_id) continue;
        json entry = item;
        entry["funded"] = std::string_view(part) == "funded";
        out["scenario"] = {{"id", s->id}, {"name", s->name}, {"updated_at", s->updated_at}};
        out["status"] = result["status"];
        out["entry"] = entry;
        return out;
      }
    }
  }
  if ((*decided)["decisions"].empty())
    return std::unexpected(
        Error::not_found("no saved scenario or decision of the program includes it"));
  return out;
}

Result<json> compare_scenarios(store::Connection& db, const Actor& a,
                               const std::vector<std::int64_t>& ids) {
  if (!may(a, Permission::read_plans)) return std::unexpected(Error::forbidden());
  if (ids.size() < 2 || ids.size() > 6)
    return std::unexpected(Error::invalid(
        "invalid query", {{"ids", FieldCode::between, {{"min", "2"}, {"max", "6"}}}}));
  std::vector<json> results;
  json scenarios = json::array();
  for (auto id : ids) {
    auto s = get_saved_scenario(db, a, id);
    if (!s) return std::unexpected(s.error());
    const json& r = (*s)["result"];
    json item = {{"id", id}, {"name", (*s)["name"]}, {"program", (*s)["program"]}};
    item.update(headline(r));
    item["baselines"] = r["baselines"];
    scenarios.push_back(std::move(item));
    results.push_back(r);
  }
  return json{{"scenarios", scenarios},
              {"by_content", breakdown(results, "content", false)},
              {"by_province", breakdown(results, "provinces_2025", true)},
              {"by_region", breakdown(results, "regions", true)},
              {"differences", differences(results)}};
}

}  // namespace kc::app

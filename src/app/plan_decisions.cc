#include "app/plan_decisions.h"

#include "app/audit.h"
#include "app/checks.h"
#include "app/json_reader.h"
#include "app/planning.h"
#include "store/decision_repo.h"
#include "store/plan_repo.h"
#include "store/project_repo.h"
#include "store/register_repo.h"

namespace kc::app {
namespace {

using nlohmann::json;

json to_json(const store::Decision& d) {
  json items = json::array();
  for (const auto& i : d.items)
    items.push_back({{"project_id", i.project_id}, {"code", i.code}, {"amount_vnd", i.amount}});
  return {{"id", d.id},
          {"kind", d.kind},
          {"number", d.number},
          {"signed_on", d.signed_on},
          {"signer", d.signer},
          {"batch", d.batch},
          {"scenario_id", d.scenario_id ? json(*d.scenario_id) : json(nullptr)},
          {"reason", d.reason},
          {"total_vnd", d.total},
          {"items", items},
          {"created_at", d.created_at}};
}

Status check_books(store::Connection& db, std::int64_t program_id) {
  auto books = store::program_books(db, program_id);
  if (!books) return std::unexpected(books.error());
  if (books->decisions != books->projects)
    return std::unexpected(Error::internal("the books do not balance: decisions " +
                                           std::to_string(books->decisions) + ", projects " +
                                           std::to_string(books->projects)));
  return {};
}

// Each funded proposal of the saved result, checked to be `passed` still.
Result<std::vector<std::pair<Project, Vnd>>> funded_projects(store::Connection& db,
                                                             const json& result) {
  std::vector<std::pair<Project, Vnd>> out;
  for (const auto& f : result["funded"]) {
    auto p = store::get_project(db, f["id"].get<std::int64_t>());
    if (!p) return std::unexpected(p.error());
    if (p->status != "passed")
      return std::unexpected(conflict(
          "not_passed", p->code + " is " + p->status + ", not passed: solve the scenario again"));
    out.emplace_back(std::move(*p), f["amount_vnd"].get<Vnd>());
  }
  return out;
}

}  // namespace

Result<DecisionInput> decision_from_json(const json& j) {
  std::vector<FieldError> errors;
  JsonReader r(j, "", errors);
  DecisionInput in;
  in.scenario_id = r.integer("scenario_id", true).value_or(0);
  in.number = r.text("number", true);
  in.signer = r.text("signer", true);
  in.signed_on = r.date("signed_on", true).value_or(Date{});
  in.batch = r.integer("batch", false).value_or(1);
  if (in.batch < 1 || in.batch > 20)
    errors.push_back({"batch", FieldCode::between, {{"min", "1"}, {"max", "20"}}});
  r.finish();
  if (auto f = fail_if_any(std::move(errors), "decision"); !f) return std::unexpected(f.error());
  return in;
}

Result<json> approve_scenario(store::Connection& db, const Actor& a, const DecisionInput& in) {
  if (!may(a, Permission::decide_plans)) return std::unexpected(Error::forbidden());
  return in_write_tx(db, [&]() -> Result<json> {
    auto s = store::get_scenario(db, in.scenario_id);
    if (!s) return std::unexpected(s.error());
    auto program = store::get_program(db, s->program_id);
    if (!program) return std::unexpected(program.error());
    if (auto st = check_plan_access(db, a, *program, Permission::decide_plans); !st)
      return std::unexpected(st.error());
    auto taken = store::decision_number_taken(db, program->id, in.number);
    if (!taken) return std::unexpected(taken.error());
    if (*taken)
      return std::unexpected(
          Error::invalid("invalid decision", {{"number", FieldCode::code_taken}}));
    json result = json::parse(s->result, nullptr, false);
    std::string status = result.is_object() ? result.value("status", "") : "";
    if (status != "optimal" && status != "feasible")
      return std::unexpected(
          conflict("no_allocation", "the scenario has no allocation (" + status + ")"));
    auto funded = funded_projects(db, result);
    if (!funded) return std::unexpected(funded.error());
    store::Decision d;
    d.program_id = program->id, d.kind = "plan", d.number = in.number, d.signer = in.signer;
    d.signed_on = to_iso(in.signed_on), d.batch = in.batch, d.scenario_id = s->id;
    d.created_by = a.user_id;
    for (const auto& [p, amount] : *funded) {
      d.items.push_back({p.id, amount, p.code});
      d.total += amount;
    }
    auto id = store::insert_decision(db, d);
    if (!id) return std::unexpected(id.error());
    d.id = *id;
    for (const auto& [p, amount] : *funded) {
      if (auto w = store::set_project_status(db, p.id, p.version, "approved"); !w)
        return std::unexpected(w.error());
      json before = {{"status", p.status}};
      json after = {{"status", "approved"}, {"approved_vnd", amount}, {"decision", in.number}};
      if (auto w = audit(db, a, "projects", p.id, "approve", before, after); !w)
        return std::unexpected(w.error());
    }
    if (auto st = check_books(db, program->id); !st) return std::unexpected(st.error());
    json view = to_json(d);
    if (auto w = audit(db, a, "plan_decisions", *id, "create", nullptr, view); !w)
      return std::unexpected(w.error());
    return view;
  });
}

Result<json> list_plan_decisions(store::Connection& db, const Actor& a,
                                 const std::string& program) {
  if (!may(a, Permission::read_plans)) return std::unexpected(Error::forbidden());
  auto id = store::find_program_id(db, program);
  if (!id) return std::unexpected(id.error());
  if (!*id)
    return std::unexpected(Error::invalid(
        "invalid query", {{"program", FieldCode::unknown_program, {{"code", program}}}}));
  // Decisions are published: whoever reads plans reads every program's (a province too).
  auto p = store::get_program(db, **id);
  if (!p) return std::unexpected(p.error());
  auto list = store::list_decisions(db, p->id);
  if (!list) return std::unexpected(list.error());
  auto books = store::program_books(db, p->id);
  if (!books) return std::unexpected(books.error());
  json items = json::array();
  for (const auto& d : *list) items.push_back(to_json(d));
  return json{{"items", items},
              {"books",
               {{"decisions_vnd", books->decisions},
                {"projects_vnd", books->projects},
                {"balanced", books->decisions == books->projects}}}};
}

}  // namespace kc::app

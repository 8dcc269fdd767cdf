#include "app/plan_decisions.h"

#include <map>
#include <set>

#include "app/audit.h"
#include "app/checks.h"
#include "app/group_split.h"
#include "app/json_reader.h"
#include "app/notifications.h"
#include "app/planning.h"
#include "domain/tranche.h"
#include "store/decision_repo.h"
#include "store/execution_query.h"
#include "store/plan_repo.h"
#include "store/project_repo.h"
#include "store/register_repo.h"

namespace kc::app {
namespace {

using nlohmann::json;

// The money a decision moved, summed by one of its items' facts: each key whose funds changed,
// with the change (negative when the decision took money away).
json moved_by(const store::Decision& d, std::string store::DecisionItem::*key) {
  std::map<std::string, Vnd> sums;
  for (const auto& i : d.items) sums[i.*key] += i.amount;
  json out = json::array();
  for (const auto& [k, v] : sums)
    if (v != 0) out.push_back({{"key", k}, {"change_vnd", v}});
  return out;
}

// A decision with each item's amount before and after it (`running` holds every project's
// amount before the decision and is moved past it): the plan's difference from the one before.
json to_json(const store::Decision& d, std::map<std::int64_t, Vnd>& running) {
  json tranches = json::array();
  for (const auto& t : d.tranches)
    tranches.push_back({{"project_id", t.project_id},
                        {"code", t.code},
                        {"year", t.year},
                        {"amount_vnd", t.amount}});
  json items = json::array();
  for (const auto& i : d.items) {
    Vnd before = running[i.project_id], after = before + i.amount;
    running[i.project_id] = after;
    std::string change = before == 0 ? "added" : after == 0 ? "dropped" : "changed";
    items.push_back({{"project_id", i.project_id},
                     {"code", i.code},
                     {"amount_vnd", i.amount},
                     {"before_vnd", before},
                     {"after_vnd", after},
                     {"change", change}});
  }
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
          {"tranches", tranches},
          {"moved",
           {{"content", moved_by(d, &store::DecisionItem::content)},
            {"region", moved_by(d, &store::DecisionItem::region)}}},
          {"created_at", d.created_at}};
}

bool multi_year(const Project& p, int year) {
  return p.kind == "point" && p.end.year > year;
}

// The most one year's plan can give a project: its request, or for a multi-year point project
// its first tranche.
Vnd year_request(const Project& p, int year) {
  if (!multi_year(p, year)) return p.requested_vnd;
  return yearly_tranches(p.requested_vnd, year, p.end.year).front().amount;
}

// The later years' tranches of a multi-year point project given `funded` in its first year.
std::vector<store::DecisionTranche> later_tranches(const Project& p, int year, Vnd funded) {
  std::vector<store::DecisionTranche> out;
  if (!multi_year(p, year)) return out;
  auto all = scaled_tranches(yearly_tranches(p.requested_vnd, year, p.end.year), funded);
  for (std::size_t i = 1; i < all.size(); ++i)
    out.push_back({p.id, all[i].year, all[i].amount, p.code});
  return out;
}

// The actor may decide this program's plan, and the decision's number is new in it.
Status check_new_decision(store::Connection& db, const Actor& a, const Program& program,
                          const std::string& number, const char* what) {
  if (auto st = check_plan_access(db, a, program, Permission::decide_plans); !st) return st;
  auto taken = store::decision_number_taken(db, program.id, number);
  if (!taken) return std::unexpected(taken.error());
  if (*taken) return std::unexpected(Error::invalid(what, {{"number", FieldCode::code_taken}}));
  return {};
}

}  // namespace

Status check_books(store::Connection& db, std::int64_t program_id) {
  auto books = store::program_books(db, program_id);
  if (!books) return std::unexpected(books.error());
  if (books->decisions != books->projects)
    return std::unexpected(Error::internal("the books do not balance: decisions " +
                                           std::to_string(books->decisions) + ", projects " +
                                           std::to_string(books->projects)));
  return {};
}

namespace {

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

Result<json> record_decision(store::Connection& db, const Actor& a, store::Decision& d,
                             std::map<std::int64_t, Vnd> before) {
  auto id = store::insert_decision(db, d);
  if (!id) return std::unexpected(id.error());
  d.id = *id;
  json view = to_json(d, before);
  if (auto w = audit(db, a, "plan_decisions", *id, "create", nullptr, view); !w)
    return std::unexpected(w.error());
  if (auto n = notify_decision(db, d); !n) return std::unexpected(n.error());
  return view;
}

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
    if (auto st = check_new_decision(db, a, *program, in.number, "invalid decision"); !st)
      return std::unexpected(st.error());
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
    d.reason = "Phê duyệt " + s->name;
    d.created_by = a.user_id;
    for (const auto& [p, amount] : *funded) {
      d.items.push_back({p.id, amount, p.code, "", ""});
      d.total += amount;
      for (auto& t : later_tranches(p, program->year, amount)) d.tranches.push_back(std::move(t));
    }
    auto view = record_decision(db, a, d, {});
    if (!view) return view;
    for (const auto& [p, amount] : *funded) {
      if (auto w = store::set_project_status(db, p.id, p.version, "approved"); !w)
        return std::unexpected(w.error());
      json before = {{"status", p.status}};
      json after = {{"status", "approved"}, {"approved_vnd", amount}, {"decision", in.number}};
      if (auto w = audit(db, a, "projects", p.id, "approve", before, after); !w)
        return std::unexpected(w.error());
    }
    if (auto st = check_books(db, program->id); !st) return std::unexpected(st.error());
    return view;
  });
}

Result<AdjustmentInput> adjustment_from_json(const json& j) {
  std::vector<FieldError> errors;
  JsonReader r(j, "", errors);
  AdjustmentInput in;
  in.program = r.text("program", true);
  in.number = r.text("number", true);
  in.signer = r.text("signer", true);
  in.reason = r.text("reason", true);
  in.signed_on = r.date("signed_on", true).value_or(Date{});
  std::set<std::string> seen;
  if (const json* items = r.array("items", true)) {
    if (items->empty()) r.error("items", FieldCode::required);
    for (std::size_t i = 0; i < items->size(); ++i) {
      JsonReader item((*items)[i], "items/" + std::to_string(i) + "/", errors);
      if (!item.is_object()) continue;
      AdjustmentItem a;
      a.code = item.text("code", true);
      a.amount = item.integer("amount_vnd", true).value_or(0);
      if (a.amount < 0) item.error("amount_vnd", FieldCode::at_least, {{"min", "0"}});
      if (!a.code.empty() && !seen.insert(a.code).second)
        item.error("code", FieldCode::listed_twice);
      item.finish();
      in.items.push_back(std::move(a));
    }
  }
  r.finish();
  if (auto f = fail_if_any(std::move(errors), "adjustment"); !f) return std::unexpected(f.error());
  return in;
}

namespace {

// One project of an adjustment: the project, its amount before and after.
struct Change {
  Project project;
  Vnd before = 0, after = 0;
};

bool in_plan_status(const std::string& s) {
  return s == "approved" || s == "contracted" || s == "in_progress";
}

// Reads and checks every item: a project of the program, an amount within its request and
// different from its current one; a project entering the plan must be passed, one already in
// it must still be running.
Result<std::vector<Change>> read_changes(store::Connection& db, const Program& program,
                                         const AdjustmentInput& in) {
  std::vector<FieldError> errors;
  std::vector<Change> out;
  for (std::size_t i = 0; i < in.items.size(); ++i) {
    const auto& item = in.items[i];
    std::string at = "items/" + std::to_string(i) + "/";
    auto id = store::find_program_project(db, program.id, item.code);
    if (!id) return std::unexpected(id.error());
    if (!*id) {
      errors.push_back({at + "code", FieldCode::not_in_program, {{"program", program.code}}});
      continue;
    }
    auto p = store::get_project(db, **id);
    if (!p) return std::unexpected(p.error());
    auto decided = store::project_decisions(db, p->id);
    if (!decided) return std::unexpected(decided.error());
    Change c{std::move(*p), 0, item.amount};
    for (const auto& d : *decided) c.before += d.amount;
    if (Vnd most = year_request(c.project, program.year); c.after > most)
      errors.push_back(
          {at + "amount_vnd", FieldCode::between, {{"min", "0"}, {"max", std::to_string(most)}}});
    else if (c.after == c.before)
      errors.push_back({at + "amount_vnd", FieldCode::unchanged});
    out.push_back(std::move(c));
  }
  if (auto f = fail_if_any(std::move(errors), "adjustment"); !f) return std::unexpected(f.error());
  for (const auto& c : out) {
    const std::string& s = c.project.status;
    if (c.before == 0 && s != "passed")
      return std::unexpected(conflict(
          "not_passed", c.project.code + " is " + s + ": only a passed proposal enters the plan"));
    if (c.before != 0 && !in_plan_status(s)) {
      // An ended contract's project may only give back what it did not use.
      ListQuery of_program;
      of_program.program_id = program.id;
      auto released = store::released_funds(db, of_program, c.project.id);
      if (!released) return std::unexpected(released.error());
      if (released->empty() || c.after > c.before)
        return std::unexpected(conflict(
            "not_adjustable", c.project.code + " is " + s + ": its amount can no longer change"));
      if (Vnd used = released->front().used; c.after < used)
        return std::unexpected(conflict("below_used", c.project.code + " used " + format_vnd(used) +
                                                          " đồng under contract " +
                                                          released->front().contract_number +
                                                          "; its amount cannot go below that"));
    }
  }
  return out;
}

}  // namespace

Result<json> adjust_plan(store::Connection& db, const Actor& a, const AdjustmentInput& in) {
  if (!may(a, Permission::decide_plans)) return std::unexpected(Error::forbidden());
  return in_write_tx(db, [&]() -> Result<json> {
    auto pid = store::find_program_id(db, in.program);
    if (!pid) return std::unexpected(pid.error());
    if (!*pid)
      return std::unexpected(Error::invalid(
          "invalid adjustment", {{"program", FieldCode::unknown_program, {{"code", in.program}}}}));
    auto program = store::get_program(db, **pid);
    if (!program) return std::unexpected(program.error());
    if (auto st = check_new_decision(db, a, *program, in.number, "invalid adjustment"); !st)
      return std::unexpected(st.error());
    auto changes = read_changes(db, *program, in);
    if (!changes) return std::unexpected(changes.error());
    auto earlier = store::list_decisions(db, program->id);
    if (!earlier) return std::unexpected(earlier.error());
    store::Decision d;
    d.program_id = program->id, d.kind = "adjustment", d.number = in.number;
    d.signer = in.signer, d.signed_on = to_iso(in.signed_on), d.reason = in.reason;
    d.created_by = a.user_id;
    d.batch = 1;
    for (const auto& e : *earlier) d.batch += e.kind == "adjustment" ? 1 : 0;
    std::map<std::int64_t, Vnd> running;
    for (const auto& c : *changes) {
      d.items.push_back({c.project.id, c.after - c.before, c.project.code, "", ""});
      d.total += c.after - c.before;
      running[c.project.id] = c.before;
      if (c.before == 0)  // entering the plan: its later tranches too
        for (auto& t : later_tranches(c.project, program->year, c.after))
          d.tranches.push_back(std::move(t));
    }
    auto view = record_decision(db, a, d, std::move(running));
    if (!view) return view;
    for (const auto& c : *changes) {
      const Project& p = c.project;
      std::string status = c.before == 0 ? "approved" : c.after == 0 ? "cancelled" : p.status;
      if (status != p.status)
        if (auto w = store::set_project_status(db, p.id, p.version, status); !w)
          return std::unexpected(w.error());
      json before = {{"status", p.status}, {"approved_vnd", c.before}};
      json after = {{"status", status}, {"approved_vnd", c.after}, {"decision", in.number}};
      if (auto w = audit(db, a, "projects", p.id, "adjust", before, after); !w)
        return std::unexpected(w.error());
    }
    if (auto st = check_books(db, program->id); !st) return std::unexpected(st.error());
    return view;
  });
}

Result<json> project_decided(store::Connection& db, std::int64_t project_id) {
  auto rows = store::project_decisions(db, project_id);
  if (!rows) return std::unexpected(rows.error());
  json list = json::array();
  Vnd current = 0;
  for (const auto& r : *rows) {
    current += r.amount;
    list.push_back({{"id", r.decision_id},
                    {"kind", r.kind},
                    {"number", r.number},
                    {"signed_on", r.signed_on},
                    {"amount_vnd", r.amount},
                    {"after_vnd", current}});
  }
  auto later = store::project_tranches(db, project_id);
  if (!later) return std::unexpected(later.error());
  json tranches = json::array();
  for (const auto& t : *later)
    tranches.push_back({{"year", t.year}, {"amount_vnd", t.amount}, {"decision", t.decision}});
  auto splits = group_splits_json(db, project_id);
  if (!splits) return std::unexpected(splits.error());
  return json{{"original_vnd", rows->empty() ? 0 : rows->front().amount},
              {"current_vnd", current},
              {"decisions", list},
              {"tranches", tranches},
              {"splits", *splits}};
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
  std::map<std::int64_t, Vnd> running;
  for (const auto& d : *list) items.push_back(to_json(d, running));
  return json{{"items", items},
              {"books",
               {{"decisions_vnd", books->decisions},
                {"projects_vnd", books->projects},
                {"balanced", books->decisions == books->projects}}}};
}

}  // namespace kc::app

#include "app/contracts.h"

#include "app/audit.h"
#include "app/checks.h"
#include "app/contract_changes.h"
#include "app/execution_codec.h"
#include "app/json_reader.h"
#include "app/planning.h"
#include "app/projects.h"
#include "app/workflow.h"
#include "store/decision_repo.h"
#include "store/register_repo.h"
#include "store/split_repo.h"

namespace kc::app {
namespace {

using nlohmann::json;

// Party A of an implementation contract: the ministry's department for the national program,
// the province's department of industry and trade for a local one.
Result<std::string> party_a(store::Connection& db, const Program& program) {
  if (program.level == "KCQG" || !program.province)
    return std::string("Cục Công Thương địa phương");
  auto f = store::find_province(db, *program.province);
  if (!f) return std::unexpected(f.error());
  return "Sở Công Thương " + (*f ? (*f)->name_vi : program.province->code);
}

Result<Vnd> current_amount(store::Connection& db, std::int64_t project_id) {
  auto decided = store::project_decisions(db, project_id);
  if (!decided) return std::unexpected(decided.error());
  Vnd sum = 0;
  for (const auto& d : *decided) sum += d.amount;
  return sum;
}

Result<store::Contract> draft_for(store::Connection& db, const Project& p, const Program& program,
                                  Vnd value, int sequence, std::int64_t by) {
  auto a_name = party_a(db, program);
  if (!a_name) return std::unexpected(a_name.error());
  auto org = store::get_organization(db, p.implementing_org_id);
  if (!org) return std::unexpected(org.error());
  auto rule = store::advance_rule(db, p.content_code, to_iso(p.start));
  if (!rule) return std::unexpected(rule.error());
  store::Contract c;
  c.project_id = p.id, c.level = "implementation", c.organization_id = org->id;
  c.number = std::to_string(sequence) + "/" + std::to_string(program.year) + "/HĐ-" +
             (program.level == "KCQG" ? "KCQG" : "KCĐP");
  c.party_a = *a_name, c.party_b = org->name, c.value = value, c.counterpart = p.counterpart_vnd;
  c.start_on = to_iso(p.start), c.end_on = to_iso(p.end), c.status = "draft";
  c.advance_bp = rule->share_bp, c.advance_rule = rule->key, c.created_by = by;
  c.officer_id = by;  // whoever draws it up follows it, until reassigned
  return c;
}

// The project follows its implementation contract's new status.
Status follow(store::Connection& db, const Actor& a, const store::Contract& c) {
  if (c.level != "implementation") return {};
  return follow_contract(db, a, c.project_id, c.status);
}

std::optional<std::int64_t> version_of(JsonReader& r) {
  return r.integer("version", true);
}

}  // namespace

Result<std::set<std::int64_t>> named_beneficiaries(store::Connection& db, const Project& p) {
  std::set<std::int64_t> out(p.beneficiary_ids.begin(), p.beneficiary_ids.end());
  auto letters = store::project_splits(db, p.id);
  if (!letters) return std::unexpected(letters.error());
  if (!letters->empty())
    for (const auto& i : letters->back().items) out.insert(i.facility_id);
  return out;
}

Result<store::Contract> contract_in_scope(store::Connection& db, const Actor& a, std::int64_t id) {
  if (!may(a, Permission::read_execution)) return std::unexpected(Error::forbidden());
  auto c = store::get_contract(db, id);
  if (!c) return c;
  if (auto p = get_project(db, a, c->project_id); !p)
    return std::unexpected(p.error().kind == ErrorKind::not_found
                               ? Error::not_found("contract not found")
                               : p.error());
  return c;
}

Status check_manage(store::Connection& db, const Actor& a, const store::Contract& c) {
  auto program = store::get_program(db, c.project.program_id);
  if (!program) return std::unexpected(program.error());
  return check_plan_access(db, a, *program, Permission::manage_contracts);
}

Result<store::Contract> contract_to_manage(store::Connection& db, const Actor& a, std::int64_t id) {
  if (!may(a, Permission::manage_contracts)) return std::unexpected(Error::forbidden());
  auto c = contract_in_scope(db, a, id);
  if (!c) return c;
  if (auto s = check_manage(db, a, *c); !s) return std::unexpected(s.error());
  return c;
}

Result<store::Contract> contract_to_write(store::Connection& db, const Actor& a, std::int64_t id,
                                          std::vector<FieldError> errors, const char* what,
                                          std::optional<std::int64_t> version) {
  auto c = contract_in_scope(db, a, id);
  if (!c) return c;
  if (auto f = fail_if_any(std::move(errors), what); !f) return std::unexpected(f.error());
  if (auto s = check_manage(db, a, *c); !s) return std::unexpected(s.error());
  if (version && c->version != *version)
    return std::unexpected(store::stale_or_missing(db, "contracts", id));
  return c;
}

Result<json> draft_decision_contracts(store::Connection& db, const Actor& a,
                                      std::int64_t decision_id) {
  if (!may(a, Permission::manage_contracts)) return std::unexpected(Error::forbidden());
  return in_write_tx(db, [&]() -> Result<json> {
    auto program_id = store::decision_program(db, decision_id);
    if (!program_id) return std::unexpected(program_id.error());
    auto program = store::get_program(db, *program_id);
    if (!program) return std::unexpected(program.error());
    if (auto s = check_plan_access(db, a, *program, Permission::manage_contracts); !s)
      return std::unexpected(s.error());
    auto projects = store::decision_projects(db, decision_id);
    if (!projects) return std::unexpected(projects.error());
    ListQuery all;
    all.program_id = *program_id, all.page_size = 1;
    auto existing = store::list_contracts(db, all);
    if (!existing) return std::unexpected(existing.error());
    int sequence = static_cast<int>(existing->total);
    json items = json::array();
    for (const auto& d : *projects) {
      if (d.current <= 0) continue;
      auto has = store::project_contracts(db, d.project_id);
      if (!has) return std::unexpected(has.error());
      if (!has->empty()) continue;
      auto p = store::get_project(db, d.project_id);
      if (!p) return std::unexpected(p.error());
      if (p->status == "cancelled") continue;
      auto c = draft_for(db, *p, *program, d.current, ++sequence, a.user_id);
      if (!c) return std::unexpected(c.error());
      if (auto id = store::insert_contract(db, *c); !id) return std::unexpected(id.error());
      auto stored = store::get_contract(db, c->id);
      if (!stored) return std::unexpected(stored.error());
      json view = to_json(*stored);
      if (auto s = audit(db, a, "contracts", c->id, "create", nullptr, view); !s)
        return std::unexpected(s.error());
      items.push_back(std::move(view));
    }
    return json{{"created", items.size()}, {"items", items}};
  });
}

Result<json> create_contract(store::Connection& db, const Actor& a, const json& body) {
  if (!may(a, Permission::manage_contracts)) return std::unexpected(Error::forbidden());
  std::vector<FieldError> errors;
  JsonReader r(body, "", errors);
  store::Contract c;
  c.project_id = r.integer("project_id", true).value_or(0);
  c.level = r.text("level", false);
  if (c.level.empty()) c.level = "implementation";
  if (c.level != "implementation" && c.level != "support")
    r.error("level", FieldCode::one_of, {{"allowed", "implementation, support"}});
  c.parent_id = r.integer("parent_id", false).value_or(0);
  c.facility_id = r.integer("facility_id", false).value_or(0);
  c.number = r.text("number", true);
  c.value = r.integer("value_vnd", true).value_or(0);
  c.counterpart = r.integer("counterpart_vnd", false).value_or(0);
  auto start = r.date("start_on", true), end = r.date("end_on", true);
  r.finish();
  if (c.value < 1) errors.push_back({"value_vnd", FieldCode::at_least, {{"min", "1"}}});
  if (c.counterpart < 0) errors.push_back({"counterpart_vnd", FieldCode::negative});
  if (start && end && *end < *start) errors.push_back({"end_on", FieldCode::before_start});
  if (c.level == "support" && c.facility_id == 0)
    errors.push_back({"facility_id", FieldCode::required_for, {{"what", "support"}}});
  if (c.level == "support" && c.parent_id == 0)
    errors.push_back({"parent_id", FieldCode::required_for, {{"what", "support"}}});
  if (auto f = fail_if_any(std::move(errors), "contract"); !f) return std::unexpected(f.error());
  c.start_on = to_iso(*start), c.end_on = to_iso(*end), c.created_by = a.user_id;
  c.officer_id = a.user_id;
  return in_write_tx(db, [&]() -> Result<json> {
    auto p = get_project(db, a, c.project_id);
    if (!p) return std::unexpected(p.error());
    auto program = store::get_program(db, p->program_id);
    if (!program) return std::unexpected(program.error());
    if (auto s = check_plan_access(db, a, *program, Permission::manage_contracts); !s)
      return std::unexpected(s.error());
    if (p->status == "cancelled")
      return std::unexpected(conflict("cancelled", p->code + " is cancelled"));
    auto amount = current_amount(db, p->id);
    if (!amount) return std::unexpected(amount.error());
    if (*amount <= 0)
      return std::unexpected(conflict("not_in_plan", p->code + " has no amount in the plan"));
    auto existing = store::project_contracts(db, p->id);
    if (!existing) return std::unexpected(existing.error());
    std::vector<FieldError> errs;
    if (c.level == "implementation") {
      for (const auto& e : *existing)
        if (e.level == "implementation" && e.status != "terminated")
          return std::unexpected(conflict(
              "has_contract", p->code + " already has the implementation contract " + e.number));
      if (c.value > *amount)
        errs.push_back({"value_vnd",
                        FieldCode::above_ceiling,
                        {{"amount", format_vnd(*amount)}, {"rule", "the approved amount"}}});
      auto a_name = party_a(db, *program);
      if (!a_name) return std::unexpected(a_name.error());
      auto org = store::get_organization(db, p->implementing_org_id);
      if (!org) return std::unexpected(org.error());
      c.party_a = *a_name, c.party_b = org->name, c.organization_id = org->id;
    } else {
      auto parent = store::get_contract(db, c.parent_id);
      if (!parent || parent->project_id != p->id || parent->level != "implementation")
        errs.push_back(
            {"parent_id", FieldCode::no_such_record, {{"id", std::to_string(c.parent_id)}}});
      // A group project names its beneficiaries (a split letter) before their contracts.
      auto named = named_beneficiaries(db, *p);
      if (!named) return std::unexpected(named.error());
      if (!named->contains(c.facility_id))
        return std::unexpected(conflict("not_named", "facility " + std::to_string(c.facility_id) +
                                                         " is not a named beneficiary of " +
                                                         p->code + ": name it first"));
      auto f = store::get_facility(db, c.facility_id);
      if (!f) return std::unexpected(f.error());
      if (parent) {
        Vnd below = c.value;
        for (const auto& e : *existing)
          if (e.parent_id == parent->id && e.status != "terminated") below += e.value;
        if (below > parent->value)
          errs.push_back(
              {"value_vnd",
               FieldCode::above_ceiling,
               {{"amount", format_vnd(parent->value)}, {"rule", "the implementation contract"}}});
        c.party_a = parent->party_b;
      }
      c.party_b = f->name;
    }
    if (auto s = fail_if_any(std::move(errs), "contract"); !s) return std::unexpected(s.error());
    auto rule = store::advance_rule(db, p->content_code, c.start_on);
    if (!rule) return std::unexpected(rule.error());
    c.advance_bp = rule->share_bp, c.advance_rule = rule->key;
    if (auto id = store::insert_contract(db, c); !id) return std::unexpected(id.error());
    auto stored = store::get_contract(db, c.id);
    if (!stored) return std::unexpected(stored.error());
    json view = to_json(*stored);
    if (auto s = audit(db, a, "contracts", c.id, "create", nullptr, view); !s)
      return std::unexpected(s.error());
    return view;
  });
}

Result<json> sign_contract(store::Connection& db, const Actor& a, std::int64_t id,
                           const json& body) {
  std::vector<FieldError> errors;
  JsonReader r(body, "", errors);
  auto version = version_of(r);
  auto signed_on = r.date("signed_on", true);
  std::string number = r.text("number", false);
  r.finish();
  // Outside the scope: not found, whatever the body; then the body; then the right to manage.
  return in_write_tx(db, [&]() -> Result<json> {
    auto c = contract_to_write(db, a, id, std::move(errors), "signature", version);
    if (!c) return std::unexpected(c.error());
    if (c->status != "draft")
      return std::unexpected(conflict(
          "contract_status", "contract " + c->number + " is " + c->status + ", not a draft"));
    json before = to_json(*c);
    c->status = "signed", c->signed_on = to_iso(*signed_on);
    if (!number.empty()) c->number = number;
    if (auto s = store::update_contract(db, *c); !s) return std::unexpected(s.error());
    if (auto s = follow(db, a, *c); !s) return std::unexpected(s.error());
    json after = to_json(*c);
    if (auto s = audit(db, a, "contracts", id, "sign", before, after); !s)
      return std::unexpected(s.error());
    return after;
  });
}

Result<json> terminate_contract(store::Connection& db, const Actor& a, std::int64_t id,
                                const json& body) {
  std::vector<FieldError> errors;
  JsonReader r(body, "", errors);
  auto version = version_of(r);
  std::string reason = r.text("reason", true);
  r.finish();
  // Outside the scope: not found, whatever the body; then the body; then the right to manage.
  return in_write_tx(db, [&]() -> Result<json> {
    auto c = contract_to_write(db, a, id, std::move(errors), "termination", version);
    if (!c) return std::unexpected(c.error());
    if (c->status == "accepted" || c->status == "settled" || c->status == "terminated")
      return std::unexpected(conflict(
          "contract_status", "contract " + c->number + " is " + c->status + ": it cannot end now"));
    json before = to_json(*c);
    c->status = "terminated", c->status_reason = reason;
    if (auto s = store::update_contract(db, *c); !s) return std::unexpected(s.error());
    if (auto s = follow(db, a, *c); !s) return std::unexpected(s.error());
    json after = to_json(*c);
    if (auto s = audit(db, a, "contracts", id, "terminate", before, after, reason); !s)
      return std::unexpected(s.error());
    return after;
  });
}

Result<json> settle_contract(store::Connection& db, const Actor& a, std::int64_t id,
                             const json& body) {
  std::vector<FieldError> errors;
  JsonReader r(body, "", errors);
  auto version = version_of(r);
  auto settled_on = r.date("settled_on", true);
  auto counterpart_paid = r.integer("counterpart_paid_vnd", true);
  r.finish();
  if (counterpart_paid && *counterpart_paid < 0)
    errors.push_back({"counterpart_paid_vnd", FieldCode::negative});
  // Outside the scope: not found, whatever the body; then the body; then the right to manage.
  return in_write_tx(db, [&]() -> Result<json> {
    auto c = contract_to_write(db, a, id, std::move(errors), "settlement", version);
    if (!c) return std::unexpected(c.error());
    auto acceptance = store::contract_acceptance(db, id);
    if (!acceptance) return std::unexpected(acceptance.error());
    auto ledger = store::contract_ledger(db, id);
    if (!ledger) return std::unexpected(ledger.error());
    if (auto no = settlement_refusal(c->status, *acceptance ? (*acceptance)->accepted : 0, *ledger))
      return std::unexpected(conflict(no->code, no->message));
    json before = to_json(*c);
    c->status = "settled", c->settled_on = to_iso(*settled_on);
    c->counterpart_paid = *counterpart_paid;
    if (auto s = store::update_contract(db, *c); !s) return std::unexpected(s.error());
    json after = to_json(*c);
    // The beneficiary's own contribution is checked against the contract, not refused: a
    // shortfall is shown on the settlement.
    after["counterpart_short_vnd"] = std::max<Vnd>(0, c->counterpart - c->counterpart_paid);
    if (auto s = audit(db, a, "contracts", id, "settle", before, after); !s)
      return std::unexpected(s.error());
    return after;
  });
}

Result<Page<store::Contract>> list_contracts(store::Connection& db, const Actor& a, ListQuery q) {
  if (!may(a, Permission::read_execution)) return std::unexpected(Error::forbidden());
  apply_scope(q, project_scope(a));
  return store::list_contracts(db, q);
}

Result<json> contract_view(store::Connection& db, const Actor& a, std::int64_t id) {
  auto c = contract_in_scope(db, a, id);
  if (!c) return std::unexpected(c.error());
  json j = to_json(*c);
  auto ledger = store::contract_ledger(db, id);
  if (!ledger) return std::unexpected(ledger.error());
  j["ledger"] = to_json(*ledger);
  ListQuery all;
  all.page_size = 1000;
  auto payments = store::list_payments(db, all, id);
  auto reports = store::list_reports(db, all, id);
  auto acceptances = store::list_acceptances(db, all, id);
  if (!payments || !reports || !acceptances)
    return std::unexpected(!payments  ? payments.error()
                           : !reports ? reports.error()
                                      : acceptances.error());
  j["payments"] = json::array();
  for (const auto& p : payments->items) j["payments"].push_back(to_json(p));
  j["progress_reports"] = json::array();
  for (const auto& r : reports->items) j["progress_reports"].push_back(to_json(r));
  j["acceptance"] =
      acceptances->items.empty() ? json(nullptr) : to_json(acceptances->items.front());
  auto changes = changes_json(db, id);
  auto visits = visits_json(db, id);
  if (!changes || !visits) return std::unexpected(!changes ? changes.error() : visits.error());
  j["changes"] = std::move(*changes);
  j["visits"] = std::move(*visits);
  return j;
}

Result<json> project_execution(store::Connection& db, const Actor& a, std::int64_t project_id) {
  if (!may(a, Permission::read_execution)) return std::unexpected(Error::forbidden());
  if (auto p = get_project(db, a, project_id); !p) return std::unexpected(p.error());
  auto contracts = store::project_contracts(db, project_id);
  if (!contracts) return std::unexpected(contracts.error());
  json items = json::array();
  for (const auto& c : *contracts) {
    auto v = contract_view(db, a, c.id);
    if (!v) return std::unexpected(v.error());
    items.push_back(std::move(*v));
  }
  return json{{"items", items}};
}

}  // namespace kc::app

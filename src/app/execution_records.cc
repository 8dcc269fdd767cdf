#include "app/execution_records.h"

#include <set>

#include "app/audit.h"
#include "app/checks.h"
#include "app/contracts.h"
#include "app/execution_codec.h"
#include "app/json_reader.h"
#include "app/projects.h"
#include "app/workflow.h"
#include "store/project_repo.h"
#include "store/reference_repo.h"

namespace kc::app {
namespace {

using nlohmann::json;

void check_one_of(JsonReader& r, const char* key, const std::string& v,
                  std::initializer_list<std::string_view> allowed) {
  for (auto a : allowed)
    if (v == a) return;
  std::string names;
  for (auto a : allowed) names += (names.empty() ? "" : ", ") + std::string(a);
  r.error(key, FieldCode::one_of, {{"allowed", names}});
}

// The contract starts its work with the first report or payment.
Status start_work(store::Connection& db, const Actor& a, store::Contract& c) {
  if (c.status != "signed") return {};
  json before = to_json(c);
  c.status = "in_progress";
  if (auto s = store::update_contract(db, c); !s) return s;
  if (c.level == "implementation")
    if (auto s = follow_contract(db, a, c.project_id, c.status); !s) return s;
  return audit(db, a, "contracts", c.id, "start", before, to_json(c));
}

}  // namespace

Result<json> record_payment(store::Connection& db, const Actor& a, const json& body) {
  if (!may(a, Permission::manage_contracts)) return std::unexpected(Error::forbidden());
  std::vector<FieldError> errors;
  JsonReader r(body, "", errors);
  store::Payment p;
  p.contract_id = r.integer("contract_id", true).value_or(0);
  p.kind = r.text("kind", true);
  p.amount = r.integer("amount_vnd", true).value_or(0);
  auto paid_on = r.date("paid_on", true);
  p.reference = r.text("reference", false);
  p.note = r.text("note", false);
  if (!p.kind.empty()) check_one_of(r, "kind", p.kind, {"advance", "payment", "recovery"});
  if (p.amount < 1 && r.has("amount_vnd"))
    r.error("amount_vnd", FieldCode::at_least, {{"min", "1"}});
  r.finish();
  if (auto f = fail_if_any(std::move(errors), "payment"); !f) return std::unexpected(f.error());
  p.paid_on = to_iso(*paid_on), p.created_by = a.user_id;
  return in_write_tx(db, [&]() -> Result<json> {
    auto c = contract_to_manage(db, a, p.contract_id);
    if (!c) return std::unexpected(c.error());
    auto ledger = store::contract_ledger(db, c->id);
    auto acceptance = store::contract_acceptance(db, c->id);
    auto progress = store::best_progress(db, c->id);
    if (!ledger || !acceptance || !progress)
      return std::unexpected(!ledger       ? ledger.error()
                             : !acceptance ? acceptance.error()
                                           : progress.error());
    auto project = store::get_project(db, c->project_id);
    if (!project) return std::unexpected(project.error());
    auto rule = store::advance_rule(db, project->content_code, p.paid_on);
    if (!rule) return std::unexpected(rule.error());
    PaymentFacts facts{c->status, c->value, std::nullopt, *ledger, *rule, *progress};
    if (*acceptance) facts.accepted = (*acceptance)->accepted;
    if (auto no = payment_refusal(facts, p.kind, p.amount))
      return std::unexpected(conflict(no->code, "contract " + c->number + ": " + no->message));
    if (auto s = start_work(db, a, *c); !s) return std::unexpected(s.error());
    if (auto id = store::insert_payment(db, p); !id) return std::unexpected(id.error());
    p.contract_number = c->number, p.project_id = c->project_id, p.project = c->project;
    json view = to_json(p);
    Ledger after = *ledger;
    (p.kind == "advance"   ? after.advanced
     : p.kind == "payment" ? after.paid
                           : after.recovered) += p.amount;
    view["ledger"] = to_json(after);
    if (auto s = audit(db, a, "payments", p.id, p.kind.c_str(), nullptr, view); !s)
      return std::unexpected(s.error());
    return view;
  });
}

Result<json> file_progress_report(store::Connection& db, const Actor& a, const json& body) {
  if (!may(a, Permission::report_progress)) return std::unexpected(Error::forbidden());
  std::vector<FieldError> errors;
  JsonReader r(body, "", errors);
  store::ProgressReport rep;
  rep.contract_id = r.integer("contract_id", true).value_or(0);
  auto period_end = r.date("period_end", true);
  rep.progress_pct = r.integer("progress_pct", true).value_or(0);
  rep.spent = r.integer("spent_vnd", true).value_or(0);
  rep.problems = r.text("problems", false);
  if (rep.progress_pct < 0 || rep.progress_pct > 100)
    r.error("progress_pct", FieldCode::between, {{"min", "0"}, {"max", "100"}});
  if (rep.spent < 0) r.error("spent_vnd", FieldCode::negative);
  r.finish();
  if (auto f = fail_if_any(std::move(errors), "progress report"); !f)
    return std::unexpected(f.error());
  rep.period_end = to_iso(*period_end), rep.created_by = a.user_id;
  return in_write_tx(db, [&]() -> Result<json> {
    auto c = contract_in_scope(db, a, rep.contract_id);
    if (!c) return std::unexpected(c.error());
    if (c->status != "signed" && c->status != "in_progress")
      return std::unexpected(conflict(
          "contract_status", "contract " + c->number + " is " + c->status +
                                 ": a progress report is for a signed contract still running"));
    ListQuery same;
    same.page_size = 1000;
    auto earlier = store::list_reports(db, same, c->id);
    if (!earlier) return std::unexpected(earlier.error());
    for (const auto& e : earlier->items)
      if (e.period_end == rep.period_end)
        return std::unexpected(
            Error::invalid("progress report", {{"period_end", FieldCode::code_taken}}));
    if (auto s = start_work(db, a, *c); !s) return std::unexpected(s.error());
    if (auto id = store::insert_report(db, rep); !id) return std::unexpected(id.error());
    rep.contract_number = c->number, rep.project_id = c->project_id, rep.project = c->project;
    json view = to_json(rep);
    if (auto s = audit(db, a, "progress_reports", rep.id, "create", nullptr, view); !s)
      return std::unexpected(s.error());
    return view;
  });
}

Result<json> accept_contract(store::Connection& db, const Actor& a, const json& body) {
  if (!may(a, Permission::manage_contracts)) return std::unexpected(Error::forbidden());
  std::vector<FieldError> errors;
  JsonReader r(body, "", errors);
  store::Acceptance acc;
  acc.contract_id = r.integer("contract_id", true).value_or(0);
  acc.number = r.text("number", true);
  auto accepted_on = r.date("accepted_on", true);
  acc.verdict = r.text("verdict", true);
  acc.accepted = r.integer("accepted_vnd", true).value_or(0);
  acc.conclusion = r.text("conclusion", false);
  if (!acc.verdict.empty())
    check_one_of(r, "verdict", acc.verdict, {"passed", "conditional", "failed"});
  if (acc.accepted < 0) r.error("accepted_vnd", FieldCode::negative);
  std::map<std::string, std::int64_t> actual;
  if (const json* outs = r.array("outputs", false)) {
    for (std::size_t i = 0; i < outs->size(); ++i) {
      JsonReader o((*outs)[i], "outputs/" + std::to_string(i) + "/", errors);
      if (!o.is_object()) continue;
      std::string code = o.text("indicator", true);
      auto n = o.integer("actual", true);
      if (n && *n < 0) o.error("actual", FieldCode::negative);
      if (!code.empty() && actual.contains(code)) o.error("indicator", FieldCode::listed_twice);
      o.finish();
      if (!code.empty() && n) actual[code] = *n;
    }
  }
  acc.beneficiaries = r.ids("beneficiaries", false);
  r.finish();
  if (auto f = fail_if_any(std::move(errors), "acceptance"); !f) return std::unexpected(f.error());
  acc.accepted_on = to_iso(*accepted_on), acc.created_by = a.user_id;
  return in_write_tx(db, [&]() -> Result<json> {
    auto c = contract_to_manage(db, a, acc.contract_id);
    if (!c) return std::unexpected(c.error());
    if (c->status != "in_progress")
      return std::unexpected(
          conflict("contract_status",
                   "contract " + c->number + " is " + c->status +
                       (c->status == "signed" ? ": no progress report yet, nothing to accept"
                                              : ": it cannot be accepted now")));
    auto progress = store::best_progress(db, c->id);
    if (!progress) return std::unexpected(progress.error());
    if (*progress < 0)
      return std::unexpected(conflict(
          "no_report", "contract " + c->number + " has no progress report: nothing to accept"));
    std::vector<FieldError> errs;
    if (acc.accepted > c->value)
      errs.push_back({"accepted_vnd",
                      FieldCode::above_ceiling,
                      {{"amount", format_vnd(c->value)}, {"rule", "the contract value"}}});
    if (acc.verdict == "failed" && acc.accepted != 0)
      errs.push_back({"accepted_vnd", FieldCode::must_be_empty, {{"what", "a failed acceptance"}}});
    auto project = get_project(db, a, c->project_id);
    if (!project) return std::unexpected(project.error());
    std::map<std::string, std::int64_t> expected;
    for (const auto& o : project->outputs) expected[o.indicator] = o.quantity;
    for (const auto& [code, n] : actual) {
      auto known = store::indicator_exists(db, code);
      if (!known) return std::unexpected(known.error());
      if (!*known) errs.push_back({"outputs", FieldCode::unknown_indicator, {{"code", code}}});
    }
    auto named = named_beneficiaries(db, *project);
    if (!named) return std::unexpected(named.error());
    for (std::size_t i = 0; i < acc.beneficiaries.size(); ++i)
      if (!named->contains(acc.beneficiaries[i]))
        errs.push_back({"beneficiaries/" + std::to_string(i),
                        FieldCode::no_such_record,
                        {{"id", std::to_string(acc.beneficiaries[i])}}});
    if (auto s = fail_if_any(std::move(errs), "acceptance"); !s) return std::unexpected(s.error());
    std::set<std::string> codes;
    for (const auto& [k, _] : expected) codes.insert(k);
    for (const auto& [k, _] : actual) codes.insert(k);
    for (const auto& k : codes)
      acc.outputs.push_back(
          {k, expected.contains(k) ? expected[k] : 0, actual.contains(k) ? actual[k] : 0});
    json before = to_json(*c);
    if (auto id = store::insert_acceptance(db, acc); !id) return std::unexpected(id.error());
    c->status = acc.verdict == "failed" ? "terminated" : "accepted";
    if (acc.verdict == "failed") c->status_reason = "acceptance " + acc.number + ": failed";
    if (auto s = store::update_contract(db, *c); !s) return std::unexpected(s.error());
    if (c->level == "implementation")
      if (auto s = follow_contract(db, a, c->project_id, c->status); !s)
        return std::unexpected(s.error());
    acc.contract_number = c->number, acc.project_id = c->project_id, acc.project = c->project;
    json view = to_json(acc);
    if (auto s = audit(db, a, "acceptances", acc.id, "create", nullptr, view); !s)
      return std::unexpected(s.error());
    if (auto s = audit(db, a, "contracts", c->id, "accept", before, to_json(*c)); !s)
      return std::unexpected(s.error());
    return view;
  });
}

Result<Page<store::Payment>> list_payments(store::Connection& db, const Actor& a, ListQuery q) {
  if (!may(a, Permission::read_execution)) return std::unexpected(Error::forbidden());
  apply_scope(q, project_scope(a));
  return store::list_payments(db, q);
}

Result<Page<store::ProgressReport>> list_progress_reports(store::Connection& db, const Actor& a,
                                                          ListQuery q) {
  if (!may(a, Permission::read_execution)) return std::unexpected(Error::forbidden());
  apply_scope(q, project_scope(a));
  return store::list_reports(db, q);
}

Result<Page<store::Acceptance>> list_acceptances(store::Connection& db, const Actor& a,
                                                 ListQuery q) {
  if (!may(a, Permission::read_execution)) return std::unexpected(Error::forbidden());
  apply_scope(q, project_scope(a));
  return store::list_acceptances(db, q);
}

}  // namespace kc::app

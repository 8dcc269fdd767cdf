#include "app/contract_changes.h"

#include "app/audit.h"
#include "app/checks.h"
#include "app/contracts.h"
#include "app/execution_codec.h"
#include "app/json_reader.h"
#include "store/account_repo.h"
#include "store/change_repo.h"
#include "store/contract_repo.h"
#include "store/register_repo.h"

namespace kc::app {
namespace {

using nlohmann::json;

json to_json(const store::ContractChange& c) {
  return {{"id", c.id},
          {"contract_id", c.contract_id},
          {"kind", c.kind},
          {"reason", c.reason},
          {"decision_number", c.decision_number},
          {"decision_date", c.decision_date},
          {"old_end_on", c.old_end_on},
          {"new_end_on", c.new_end_on},
          {"amount_vnd", c.amount},
          {"created_at", c.created_at}};
}

json to_json(const store::MonitoringVisit& v) {
  return {{"id", v.id},
          {"contract_id", v.contract_id},
          {"visited_on", v.visited_on},
          {"findings", v.findings},
          {"actions", v.actions},
          {"due_on", v.due_on.empty() ? json(nullptr) : json(v.due_on)},
          {"created_at", v.created_at}};
}

}  // namespace

Result<json> change_contract(store::Connection& db, const Actor& a, std::int64_t id,
                             const json& body) {
  std::vector<FieldError> errors;
  JsonReader r(body, "", errors);
  auto version = r.integer("version", true);
  store::ContractChange ch;
  ch.kind = r.text("kind", true);
  ch.reason = r.text("reason", true);
  ch.decision_number = r.text("decision_number", true);
  auto decided = r.date("decision_date", true);
  auto end = r.date("end_on", ch.kind == "extension");
  if (!ch.kind.empty() && ch.kind != "extension" && ch.kind != "content" &&
      ch.kind != "beneficiaries" && ch.kind != "carry_over")
    r.error("kind", FieldCode::one_of,
            {{"allowed", "extension, content, beneficiaries, carry_over"}});
  r.finish();
  return in_write_tx(db, [&]() -> Result<json> {
    auto c = contract_to_write(db, a, id, std::move(errors), "change", version);
    if (!c) return std::unexpected(c.error());
    if (c->status != "signed" && c->status != "in_progress")
      return std::unexpected(conflict("contract_status", "contract " + c->number + " is " +
                                                             c->status + ": it no longer changes"));
    ch.contract_id = id, ch.decision_date = to_iso(*decided), ch.created_by = a.user_id;
    ch.old_end_on = ch.new_end_on = c->end_on;
    json before = to_json(*c);
    if (ch.kind == "extension") {
      if (to_iso(*end) <= c->end_on)
        return std::unexpected(
            Error::invalid("change", {{"end_on",
                                       FieldCode::at_least,
                                       {{"min", to_iso(add_days(*parse_date(c->end_on), 1))}}}}));
      auto earlier = store::contract_changes(db, id);
      if (!earlier) return std::unexpected(earlier.error());
      for (const auto& e : *earlier)
        if (e.kind == "extension" && e.decision_date > ch.decision_date)
          return std::unexpected(conflict(
              "overlapping_extension",
              "the extension of " + e.decision_number + " (" + e.decision_date + ", to " +
                  e.new_end_on + ") was approved after this decision: extensions follow in order"));
      ch.new_end_on = to_iso(*end);
      c->end_on = ch.new_end_on;
      if (auto s = store::update_contract(db, *c); !s) return std::unexpected(s.error());
    }
    if (ch.kind == "carry_over") {
      // The year ends with an advance the work has not yet settled: it moves into the next
      // year's budget (or is recovered instead: a recovery payment).
      auto ledger = store::contract_ledger(db, id);
      if (!ledger) return std::unexpected(ledger.error());
      if (ledger->net() <= 0)
        return std::unexpected(
            conflict("nothing_unsettled", "contract " + c->number + " holds no unsettled advance"));
      ch.amount = ledger->net();
    }
    if (auto w = store::insert_change(db, ch); !w) return std::unexpected(w.error());
    json view = to_json(ch);
    if (auto s = audit(db, a, "contracts", id, ch.kind == "extension" ? "extend" : "change", before,
                       to_json(*c), ch.reason);
        !s)
      return std::unexpected(s.error());
    return view;
  });
}

Result<json> record_visit(store::Connection& db, const Actor& a, std::int64_t id,
                          const json& body) {
  std::vector<FieldError> errors;
  JsonReader r(body, "", errors);
  store::MonitoringVisit v;
  auto visited = r.date("visited_on", true);
  v.findings = r.text("findings", true);
  v.actions = r.text("actions", false);
  auto due = r.date("due_on", false);
  r.finish();
  if (visited && due && *due < *visited) errors.push_back({"due_on", FieldCode::before_start});
  return in_write_tx(db, [&]() -> Result<json> {
    auto c = contract_to_write(db, a, id, std::move(errors), "visit", std::nullopt);
    if (!c) return std::unexpected(c.error());
    v.contract_id = id, v.visited_on = to_iso(*visited), v.created_by = a.user_id;
    if (due) v.due_on = to_iso(*due);
    if (auto w = store::insert_visit(db, v); !w) return std::unexpected(w.error());
    json view = to_json(v);
    if (auto s = audit(db, a, "monitoring_visits", v.id, "create", nullptr, view); !s)
      return std::unexpected(s.error());
    return view;
  });
}

Result<json> assign_officer(store::Connection& db, const Actor& a, std::int64_t id,
                            const json& body) {
  std::vector<FieldError> errors;
  JsonReader r(body, "", errors);
  auto version = r.integer("version", true);
  auto officer_id = r.integer("officer_id", true).value_or(0);
  r.finish();
  return in_write_tx(db, [&]() -> Result<json> {
    auto c = contract_to_write(db, a, id, std::move(errors), "officer", version);
    if (!c) return std::unexpected(c.error());
    if (c->level != "implementation" || c->status == "settled" || c->status == "terminated")
      return std::unexpected(conflict(
          "contract_status", "contract " + c->number + " is " + c->status + ": nobody follows it"));
    // The officer must be an enabled account that may manage this very contract.
    auto u = store::get_user(db, officer_id);
    if (!u && u.error().kind != ErrorKind::not_found) return std::unexpected(u.error());
    auto role = u ? role_from_name(u->role) : std::nullopt;
    bool fits = u && !u->disabled && role;
    if (fits) {
      Actor officer{*role, u->id, u->login, u->province_2025, u->organization_id};
      fits = may(officer, Permission::manage_contracts) && contract_in_scope(db, officer, id) &&
             check_manage(db, officer, *c);
    }
    if (!fits)
      return std::unexpected(
          Error::invalid("invalid officer", {{"officer_id", FieldCode::not_officer}}));
    json before = to_json(*c);
    c->officer_id = officer_id;
    if (auto s = store::update_contract(db, *c); !s) return std::unexpected(s.error());
    c->officer_name = u->display_name;
    json after = to_json(*c);
    if (auto s = audit(db, a, "contracts", id, "assign_officer", before, after); !s)
      return std::unexpected(s.error());
    return after;
  });
}

Result<json> changes_json(store::Connection& db, std::int64_t contract_id) {
  auto list = store::contract_changes(db, contract_id);
  if (!list) return std::unexpected(list.error());
  json out = json::array();
  for (const auto& c : *list) out.push_back(to_json(c));
  return out;
}

Result<json> visits_json(store::Connection& db, std::int64_t contract_id) {
  auto list = store::contract_visits(db, contract_id);
  if (!list) return std::unexpected(list.error());
  json out = json::array();
  for (const auto& v : *list) out.push_back(to_json(v));
  return out;
}

}  // namespace kc::app

#include "app/workflow.h"

#include "domain/execution.h"

#include <chrono>

#include "app/audit.h"
#include "app/checks.h"
#include "app/codec.h"
#include "app/eligibility.h"
#include "app/notifications.h"
#include "app/projects.h"
#include "domain/workflow.h"
#include "store/appraisal_repo.h"
#include "store/dossier_repo.h"
#include "store/project_repo.h"
#include "store/register_repo.h"

namespace kc::app {
namespace {

// The parties the user is to this proposal (Party bits).
unsigned parties_of(const Actor& a, bool via_province) {
  switch (a.role) {
    case Role::system:
    case Role::department:
      return static_cast<unsigned>(Party::department);
    case Role::province:
      return via_province ? Party::owner | Party::province_office
                          : static_cast<unsigned>(Party::owner);
    case Role::unit:
      return static_cast<unsigned>(Party::owner);
    default:
      return 0;
  }
}

// A filer may submit a new proposal only until the round's closing date; a proposal returned
// for revision may be submitted again after it.
Status check_round_open(store::Connection& db, const Actor& a, const Project& p,
                        const Date& today) {
  if (a.role == Role::system || a.role == Role::department) return {};
  auto round = store::find_round(db, p.program_id, p.year);
  if (!round) return std::unexpected(round.error());
  if (!*round)
    return std::unexpected(
        conflict("no_round", "no registration round is open for this program and year " +
                                 std::to_string(p.year) + "; the department opens one"));
  if (today < (*round)->opens_on)
    return std::unexpected(
        conflict("round_not_open", "registration opens on " + to_vn((*round)->opens_on)));
  if (p.status != "returned" && today > (*round)->closes_on)
    return std::unexpected(conflict(
        "round_closed", "registration closed on " + to_vn((*round)->closes_on) +
                            "; only proposals returned for revision can be submitted again"));
  return {};
}

}  // namespace

Result<bool> goes_via_province(store::Connection& db, const Project& p) {
  auto org = store::get_organization(db, p.implementing_org_id);
  if (!org) return std::unexpected(org.error());
  return kc::goes_via_province(org->kind);
}

Date vietnam_today() {
  using namespace std::chrono;
  auto local = floor<days>(system_clock::now() + hours(7));
  year_month_day ymd{local};
  return Date{static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
              static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

std::string vietnam_today_iso() {
  return to_iso(vietnam_today());
}

Result<std::vector<std::string>> available_actions(store::Connection& db, const Actor& a,
                                                   const Project& p) {
  std::vector<std::string> out;
  if (!may(a, Permission::write_projects)) return out;
  auto via = goes_via_province(db, p);
  if (!via) return std::unexpected(via.error());
  unsigned mine = parties_of(a, *via);
  for (const auto& step : workflow_steps()) {
    if (!(step.parties & mine)) continue;
    const Step* s = step_from(step.action, p.status, *via);
    if (s != &step) continue;
    if (std::find(out.begin(), out.end(), step.action) == out.end()) out.emplace_back(step.action);
  }
  return out;
}

Result<nlohmann::json> project_view(store::Connection& db, const Actor& a, const Project& p) {
  auto actions = available_actions(db, a, p);
  if (!actions) return std::unexpected(actions.error());
  auto costed = store::cost_totals(db, p.id);
  if (!costed) return std::unexpected(costed.error());
  json j = to_json(p);
  j["may_edit"] = may_edit(a, p);
  j["amounts_from_dossier"] = costed->has_value();
  j["actions"] = *actions;
  return j;
}

Result<Project> apply_transition(store::Connection& db, const Actor& a, const Project& p,
                                 const TransitionRequest& t) {
  if (p.version != t.version) return std::unexpected(store::stale_or_missing(db, "projects", p.id));
  const Step* named = find_step(t.action);
  if (!named) {
    std::string names;
    for (const auto& step : workflow_steps())
      if (names.find(step.action) == std::string::npos)
        names += (names.empty() ? "" : ", ") + std::string(step.action);
    return std::unexpected(
        Error::invalid("unknown action", {{"action", FieldCode::one_of, {{"allowed", names}}}}));
  }
  auto via = goes_via_province(db, p);
  if (!via) return std::unexpected(via.error());
  const Step* step = step_from(t.action, p.status, *via);
  if (!step)
    return std::unexpected(conflict(
        "illegal_transition", "a proposal in status " + p.status + " cannot take the action " +
                                  t.action + (*via ? "" : " (it goes straight to the ministry)")));
  if (!(step->parties & parties_of(a, *via)))
    return std::unexpected(Error::forbidden("your role may not " + t.action + " this proposal"));
  if (step->needs_reason && t.reason.empty())
    return std::unexpected(
        Error::invalid("a reason is required",
                       {{"reason", FieldCode::required_for, {{"what", std::string(t.action)}}}}));
  if (t.action == "submit") {
    if (auto s = check_round_open(db, a, p, t.today); !s) return std::unexpected(s.error());
    auto checks = eligibility_checks(db, p);
    if (!checks) return std::unexpected(checks.error());
    for (const auto& c : *checks)
      if (c.level == "block")
        return std::unexpected(
            conflict("eligibility_block", c.message + " (" + c.rule + ", " + c.legal_basis + ")"));
  }
  if (auto s = store::set_project_status(db, p.id, p.version, std::string(step->to)); !s)
    return std::unexpected(s.error());
  auto stored = store::get_project(db, p.id);
  if (!stored) return stored;
  json before = {{"status", p.status}}, after = {{"status", stored->status}};
  if (auto s = audit(db, a, "projects", p.id, named->action.data(), before, after, t.reason); !s)
    return std::unexpected(s.error());
  if (stored->status == "returned")
    if (auto s = notify_returned(db, *stored, t.reason); !s) return std::unexpected(s.error());
  return stored;
}

Result<Project> transition_project(store::Connection& db, const Actor& a,
                                   const TransitionRequest& t) {
  if (!may(a, Permission::write_projects)) return std::unexpected(Error::forbidden());
  return in_write_tx(db, [&]() -> Result<Project> {
    auto p = get_project(db, a, t.project_id);
    if (!p) return p;
    return apply_transition(db, a, *p, t);
  });
}

Status follow_contract(store::Connection& db, const Actor& a, std::int64_t project_id,
                       std::string_view contract_status) {
  auto to = project_status_for(contract_status);
  if (!to) return {};
  auto p = store::get_project(db, project_id);
  if (!p) return std::unexpected(p.error());
  if (p->status == *to) return {};
  if (auto s = store::set_project_status(db, p->id, p->version, std::string(*to)); !s) return s;
  json before = {{"status", p->status}}, after = {{"status", std::string(*to)}};
  return audit(db, a, "projects", p->id, "contract", before, after);
}

}  // namespace kc::app

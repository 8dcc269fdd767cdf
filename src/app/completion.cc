#include "app/completion.h"

#include <cmath>
#include <map>

#include "app/checks.h"
#include "app/fairs.h"
#include "app/register.h"
#include "domain/execution.h"
#include "store/execution_query.h"
#include "store/reference_repo.h"
#include "store/register_repo.h"

namespace kc::app {
namespace {

using nlohmann::json;

}  // namespace

double ratio(Vnd part, Vnd whole) {
  if (whole <= 0) return 0;
  return std::round(static_cast<double>(part) / static_cast<double>(whole) * 10'000) / 10'000;
}

Result<json> completion_json(store::Connection& db, const Actor& a, ListQuery q,
                             const store::ReportFacts* facts) {
  if (!may(a, Permission::read_execution)) return std::unexpected(Error::forbidden());
  apply_scope(q, project_scope(a));
  auto c = facts && store::covers(q) ? Result<store::Completion>(store::completion(*facts, q))
                                     : store::completion(db, q);
  if (!c) return std::unexpected(c.error());
  json outputs = json::array();
  for (const auto& o : c->outputs)
    outputs.push_back({{"indicator", o.indicator}, {"expected", o.expected}, {"actual", o.actual}});
  return json{{"projects",
               {{"planned", c->planned.count},
                {"contracted", c->contracted.count},
                {"accepted", c->accepted.count},
                {"settled", c->settled.count},
                {"cancelled", c->cancelled.count}}},
              {"funds",
               {{"plan_vnd", c->planned.amount},
                {"contracted_vnd", c->contracted.amount},
                {"disbursed_vnd", c->disbursed},
                {"accepted_vnd", c->accepted.amount},
                {"released_vnd", c->released}}},
              {"disbursement_rate", ratio(c->disbursed, c->planned.amount)},
              {"completion_rate", ratio(c->accepted.amount, c->planned.amount)},
              {"outputs", outputs}};
}

Result<json> attention_json(store::Connection& db, const Actor& a, ListQuery q, Date as_of,
                            std::int64_t officer) {
  if (!may(a, Permission::read_execution)) return std::unexpected(Error::forbidden());
  apply_scope(q, project_scope(a));
  const std::string day = to_iso(as_of);
  auto period = dated_setting(db, "progress_report_period_days", as_of, 90);
  auto slack = dated_setting(db, "schedule_slack_pct", as_of, 20);
  auto undrawn = dated_setting(db, "undrawn_days", as_of, 60);
  if (!period || !slack || !undrawn)
    return std::unexpected(!period ? period.error() : !slack ? slack.error() : undrawn.error());
  auto running = store::running_contracts(db, q, officer);
  if (!running) return std::unexpected(running.error());
  json items = json::array();
  struct Tally {
    std::string name;
    std::int64_t running = 0, flagged = 0;
  };
  std::map<std::int64_t, Tally> by_officer;
  std::map<std::string, std::int64_t> counts;
  std::map<std::string, std::pair<std::int64_t, std::int64_t>> by_province;  // running, flagged
  for (const auto& c : *running) {
    auto start = parse_date(c.start_on), end = parse_date(c.end_on);
    auto signed_on = parse_date(c.signed_on);
    if (!start || !end) continue;
    std::vector<std::string> flags;
    auto since = parse_date(c.last_report.empty() ? c.start_on : c.last_report);
    if (since && days_between(*since, as_of) > *period) flags.push_back("no_report");
    if (as_of > *start &&
        behind_schedule(*start, *end, as_of, std::max<std::int64_t>(0, c.best_progress), *slack))
      flags.push_back("behind_schedule");
    if (c.net_paid == 0 && signed_on && days_between(*signed_on, as_of) > *undrawn)
      flags.push_back("money_not_drawn");
    if (*end < as_of) flags.push_back("deadline_passed");
    auto& prov = by_province[c.province_2025];
    auto& mine = by_officer[c.officer_id];
    mine.name = c.officer_name;
    ++prov.first, ++mine.running;
    if (flags.empty()) continue;
    ++prov.second, ++mine.flagged;
    for (const auto& f : flags) ++counts[f];
    items.push_back({{"contract_id", c.contract_id},
                     {"contract_number", c.number},
                     {"project_id", c.project_id},
                     {"project_code", c.project_code},
                     {"project_title", c.project_title},
                     {"program", c.program},
                     {"province_2025", c.province_2025},
                     {"status", c.status},
                     {"end_on", c.end_on},
                     {"value_vnd", c.value},
                     {"net_paid_vnd", c.net_paid},
                     {"progress_pct", c.best_progress < 0 ? json(nullptr) : json(c.best_progress)},
                     {"last_report", c.last_report.empty() ? json(nullptr) : json(c.last_report)},
                     {"officer_id", c.officer_id ? json(c.officer_id) : json(nullptr)},
                     {"officer_name", c.officer_name},
                     {"flags", flags}});
  }
  json provinces = json::array();
  for (const auto& [code, n] : by_province)
    provinces.push_back({{"province_2025", code}, {"running", n.first}, {"flagged", n.second}});
  json officers = json::array();
  for (const auto& [id, t] : by_officer)
    officers.push_back({{"officer_id", id ? json(id) : json(nullptr)},
                        {"officer_name", t.name},
                        {"running", t.running},
                        {"flagged", t.flagged}});
  return json{{"as_of", day},
              {"settings",
               {{"progress_report_period_days", *period},
                {"schedule_slack_pct", *slack},
                {"undrawn_days", *undrawn}}},
              {"running", running->size()},
              {"counts", counts},
              {"by_province", provinces},
              {"by_officer", officers},
              {"items", items}};
}

Result<json> support_history_json(store::Connection& db, const Actor& a, std::int64_t facility_id) {
  if (auto f = get_facility(db, a, facility_id); !f) return std::unexpected(f.error());
  auto rows = store::support_history(db, facility_id);
  if (!rows) return std::unexpected(rows.error());
  json items = json::array();
  for (const auto& e : *rows)
    items.push_back({{"year", e.year},
                     {"content_code", e.content},
                     {"project_id", e.project_id},
                     {"project_code", e.project_code},
                     {"project_title", e.project_title},
                     {"accepted_on", e.accepted_on},
                     {"share_vnd", e.share}});
  auto booths = facility_booths_json(db, facility_id);
  if (!booths) return std::unexpected(booths.error());
  return json{{"items", items}, {"booths", *booths}};
}

Result<json> released_json(store::Connection& db, const Actor& a, const std::string& program) {
  // Like the decisions it derives from, published to whoever reads plans.
  if (!may(a, Permission::read_plans)) return std::unexpected(Error::forbidden());
  auto tx = store::Transaction::read(db);
  if (!tx) return std::unexpected(tx.error());
  auto id = store::find_program_id(db, program);
  if (!id) return std::unexpected(id.error());
  if (!*id)
    return std::unexpected(Error::invalid(
        "invalid query", {{"program", FieldCode::unknown_program, {{"code", program}}}}));
  ListQuery q;
  q.program_id = **id;
  auto rows = store::released_funds(db, q);
  if (!rows) return std::unexpected(rows.error());
  json items = json::array();
  Vnd total = 0;
  for (const auto& f : *rows) {
    total += f.plan - f.used;
    items.push_back({{"project_id", f.project_id},
                     {"code", f.project_code},
                     {"title", f.project_title},
                     {"project_status", f.project_status},
                     {"contract_id", f.contract_id},
                     {"contract_number", f.contract_number},
                     {"contract_status", f.contract_status},
                     {"plan_vnd", f.plan},
                     {"used_vnd", f.used},
                     {"released_vnd", f.plan - f.used}});
  }
  return json{{"program", program}, {"total_vnd", total}, {"items", items}};
}

}  // namespace kc::app

#include "app/demo_execution.h"

#include "app/contracts.h"
#include "app/execution_records.h"
#include "domain/date.h"
#include "store/decision_repo.h"
#include "store/project_repo.h"
#include "store/reference_repo.h"

namespace kc::app {
namespace {

using nlohmann::json;

constexpr Vnd kMillion = 1'000'000;
constexpr std::size_t kUnderSpent = 12;  // projects that spend less than their contract

std::string later(const std::string& iso, int days) {
  return to_iso(add_days(*parse_date(iso), days));
}

// Drafts and signs the contracts of every decision of the program, oldest first.
Result<std::vector<store::Contract>> signed_contracts(store::Connection& db, const Actor& a,
                                                      std::int64_t program_id) {
  auto decisions = store::list_decisions(db, program_id);
  if (!decisions) return std::unexpected(decisions.error());
  std::vector<store::Contract> out;
  for (const auto& d : *decisions) {
    auto drafted = draft_decision_contracts(db, a, d.id);
    if (!drafted) return std::unexpected(drafted.error());
    for (const auto& c : (*drafted)["items"]) {
      json body = {{"version", c["version"]}, {"signed_on", later(d.signed_on, 14)}};
      if (auto s = sign_contract(db, a, c["id"].get<std::int64_t>(), body); !s)
        return std::unexpected(s.error());
      auto stored = store::get_contract(db, c["id"].get<std::int64_t>());
      if (!stored) return std::unexpected(stored.error());
      out.push_back(*stored);
    }
  }
  return out;
}

Status pay(store::Connection& db, const Actor& a, const store::Contract& c, const char* kind,
           Vnd amount, const std::string& on) {
  if (amount <= 0) return {};
  json body = {{"contract_id", c.id},
               {"kind", kind},
               {"amount_vnd", amount},
               {"paid_on", on},
               {"reference", "UNC " + c.number}};
  if (auto s = record_payment(db, a, body); !s) return std::unexpected(s.error());
  return {};
}

Status report(store::Connection& db, const Actor& a, const store::Contract& c, int pct) {
  const Date start = *parse_date(c.start_on), end = *parse_date(c.end_on);
  const int half = days_between(start, end) / 2;
  json body = {{"contract_id", c.id},
               {"period_end", to_iso(add_days(start, half))},
               {"progress_pct", pct},
               {"spent_vnd", c.value * pct / 100 / kMillion * kMillion},
               {"problems", ""}};
  if (auto s = file_progress_report(db, a, body); !s) return std::unexpected(s.error());
  return {};
}

// The advance the rule allows: before work for most activities; after the progress report for
// those whose rule asks for progress first (the report is filed before this is called).
Vnd advance_of(const store::Contract& c) {
  return c.value * c.advance_bp / 10'000 / kMillion * kMillion;
}

}  // namespace

Status demo_execution_done(store::Connection& db, std::int64_t program_id, Vnd accepted_total) {
  const Actor a = Actor::system("demo");
  auto contracts = signed_contracts(db, a, program_id);
  if (!contracts) return std::unexpected(contracts.error());
  Vnd total = 0;
  for (const auto& c : *contracts) total += c.value;
  // The shortfall is spread over a few projects, in whole millions; the last takes the rest.
  const Vnd shortfall = std::max<Vnd>(0, total - accepted_total);
  const std::size_t every = std::max<std::size_t>(1, contracts->size() / kUnderSpent);
  const Vnd each = shortfall / kUnderSpent / kMillion * kMillion;
  Vnd left = shortfall;
  std::size_t under = 0;
  for (std::size_t i = 0; i < contracts->size(); ++i) {
    store::Contract c = (*contracts)[i];
    const bool after_progress = c.advance_rule == "advance_share.ccn_infrastructure";
    const std::string start = c.signed_on;
    if (!after_progress)
      if (auto s = pay(db, a, c, "advance", advance_of(c), later(start, 7)); !s) return s;
    if (auto s = report(db, a, c, 60); !s) return s;
    if (after_progress)
      if (auto s = pay(db, a, c, "advance", advance_of(c), later(c.end_on, -30)); !s) return s;
    Vnd accepted = c.value;
    if (shortfall > 0 && i % every == every - 1 && under < kUnderSpent) {
      Vnd cut = ++under == kUnderSpent ? left : each;
      cut = std::min(cut, c.value - kMillion);
      accepted -= cut, left -= cut;
    }
    auto p = store::get_project(db, c.project_id);
    if (!p) return std::unexpected(p.error());
    json outputs = json::array();
    for (const auto& o : p->outputs)
      outputs.push_back({{"indicator", o.indicator}, {"actual", o.quantity}});
    const std::string accepted_on = later(c.end_on, 10);
    json acceptance = {
        {"contract_id", c.id},        {"number", std::to_string(i + 1) + "/BB-NT"},
        {"accepted_on", accepted_on}, {"verdict", "passed"},
        {"accepted_vnd", accepted},   {"conclusion", "Đề án hoàn thành các nội dung theo hợp đồng"},
        {"outputs", outputs},         {"beneficiaries", p->beneficiary_ids}};
    if (auto s = accept_contract(db, a, acceptance); !s) return std::unexpected(s.error());
    auto ledger = store::contract_ledger(db, c.id);
    if (!ledger) return std::unexpected(ledger.error());
    // The rest is paid; an advance above what was accepted is recovered.
    const Vnd rest = accepted - ledger->net();
    if (auto s = pay(db, a, c, rest >= 0 ? "payment" : "recovery", rest >= 0 ? rest : -rest,
                     later(accepted_on, 7));
        !s)
      return s;
    auto now = store::get_contract(db, c.id);
    if (!now) return std::unexpected(now.error());
    json settle = {{"version", now->version},
                   {"settled_on", later(accepted_on, 14)},
                   {"counterpart_paid_vnd", now->counterpart}};
    if (auto s = settle_contract(db, a, c.id, settle); !s) return std::unexpected(s.error());
  }
  return {};
}

Status demo_execution_running(store::Connection& db, std::int64_t program_id) {
  const Actor a = Actor::system("demo");
  auto contracts = signed_contracts(db, a, program_id);
  if (!contracts) return std::unexpected(contracts.error());
  for (std::size_t i = 0; i < contracts->size(); ++i) {
    const auto& c = (*contracts)[i];
    if (i % 2 == 0) continue;
    if (c.advance_rule != "advance_share.ccn_infrastructure")
      if (auto s = pay(db, a, c, "advance", advance_of(c), later(c.signed_on, 7)); !s) return s;
    if (auto s = report(db, a, c, 30); !s) return s;
  }
  return {};
}

}  // namespace kc::app

#include "domain/execution.h"

#include <algorithm>

namespace kc {

std::optional<std::string_view> project_status_for(std::string_view s) {
  if (s == "signed") return "contracted";
  if (s == "in_progress") return "in_progress";
  if (s == "accepted" || s == "settled") return "completed";
  if (s == "terminated") return "cancelled";
  return std::nullopt;
}

std::optional<Refusal> payment_refusal(const PaymentFacts& f, std::string_view kind, Vnd amount) {
  auto money = [](Vnd v) { return format_vnd(v); };
  const std::string_view s = f.contract_status;
  if (s != "signed" && s != "in_progress" && s != "accepted")
    return Refusal{"contract_status", "a contract that is " + std::string(s) + " takes no payment"};
  if (amount <= 0) return Refusal{"amount", "a payment is a positive amount"};
  const Ledger& l = f.ledger;
  if (kind == "recovery") {
    if (amount > l.net())
      return Refusal{"above_paid", "the recovery (" + money(amount) +
                                       ") is more than the unit holds (" + money(l.net()) + ")"};
    return std::nullopt;
  }
  const Vnd ceiling = f.accepted ? std::min(*f.accepted, f.value) : f.value;
  if (l.net() + amount > ceiling)
    return Refusal{"above_contract",
                   "paid " + money(l.net()) + " plus " + money(amount) + " is more than the " +
                       (f.accepted ? "accepted amount " : "contract value ") + money(ceiling)};
  if (kind != "advance") return std::nullopt;
  if (f.accepted)
    return Refusal{"advance_rule", "the contract is accepted: no advance after acceptance"};
  const std::string rule = f.rule.key + " (" + f.rule.legal_basis + ")";
  if (f.rule.min_progress_pct > 0 && f.best_progress_pct <= f.rule.min_progress_pct)
    return Refusal{"advance_rule", "rule " + rule + ": an advance needs a progress report above " +
                                       std::to_string(f.rule.min_progress_pct) + " % first"};
  // Integer arithmetic: value × share ≤ 10^13 × 10^4 fits in 64 bits.
  const Vnd allowed = f.value * f.rule.share_bp / 10'000;
  if (l.advanced + amount > allowed)
    return Refusal{"advance_rule", "rule " + rule + ": advances may reach " +
                                       std::to_string(f.rule.share_bp / 100) + " % of the value, " +
                                       money(allowed) + "; already advanced " + money(l.advanced)};
  return std::nullopt;
}

std::optional<Refusal> settlement_refusal(std::string_view status, Vnd accepted, const Ledger& l) {
  if (status != "accepted")
    return Refusal{"contract_status",
                   "only an accepted contract is settled (it is " + std::string(status) + ")"};
  if (l.net() > accepted)
    return Refusal{"above_accepted", "paid " + format_vnd(l.net()) + " is more than the " +
                                         "accepted " + format_vnd(accepted) +
                                         ": record the recovery first"};
  if (l.net() < accepted)
    return Refusal{"unpaid", "paid " + format_vnd(l.net()) + " of the accepted " +
                                 format_vnd(accepted) + ": record the final payment first"};
  return std::nullopt;
}

bool behind_schedule(Date start, Date end, Date today, std::int64_t progress_pct,
                     std::int64_t slack_pct) {
  const int total = std::max(1, days_between(start, end));
  const int gone = std::clamp(days_between(start, today), 0, total);
  const std::int64_t expected = std::int64_t{gone} * 100 / total;
  return progress_pct + slack_pct < expected;
}

}  // namespace kc

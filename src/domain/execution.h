#pragma once
// Execution of a planned project: its contracts, the payments ledger, progress and acceptance.
// Pure rules, no I/O: the use cases (app/contracts.cc, app/execution_records.cc) read the
// records, ask these functions, and refuse with the reason they give.
#include <optional>
#include <string>
#include <string_view>

#include "domain/date.h"
#include "domain/money.h"

namespace kc {

inline constexpr std::string_view kContractLevels[] = {"implementation", "support"};
// draft → signed → in_progress → accepted → settled; terminated from any status before accepted.
inline constexpr std::string_view kContractStatuses[] = {"draft",    "signed",  "in_progress",
                                                         "accepted", "settled", "terminated"};
inline constexpr std::string_view kPaymentKinds[] = {"advance", "payment", "recovery"};
inline constexpr std::string_view kVerdicts[] = {"passed", "conditional", "failed"};

// The project's status that follows its implementation contract's; nullopt: unchanged.
std::optional<std::string_view> project_status_for(std::string_view contract_status);

// A contract's payments ledger, summed by kind.
struct Ledger {
  Vnd advanced = 0, paid = 0, recovered = 0;
  // What the unit holds: advances and payments less recoveries.
  Vnd net() const { return advanced + paid - recovered; }
};

// The advance rule in force for a contract's activity: the share of the value (basis points)
// and, for some activities, the physical progress a report must show first (per cent, 0: none).
struct AdvanceRule {
  std::string key;  // rules.rule_key, e.g. "advance_share.training"
  std::int64_t share_bp = 0;
  std::int64_t min_progress_pct = 0;
  std::string legal_basis;
};

// What a payment is checked against.
struct PaymentFacts {
  std::string_view contract_status;
  Vnd value = 0;
  std::optional<Vnd> accepted;  // once accepted: the accepted amount
  Ledger ledger;
  AdvanceRule rule;
  std::int64_t best_progress_pct = -1;  // the highest reported progress; -1: no report yet
};

// Why a payment of `kind` and `amount` would break the contract's ledger or the advance rule;
// nullopt when it may be recorded. The reason names the rule it breaks.
struct Refusal {
  std::string code;     // problem code: contract_status, above_contract, advance_rule ...
  std::string message;  // English detail with the figures (the UI words the code)
};
std::optional<Refusal> payment_refusal(const PaymentFacts& f, std::string_view kind, Vnd amount);

// Whether the contract may be settled (thanh lý): accepted, and the ledger equal to the
// accepted amount (an overpayment must be recovered first).
std::optional<Refusal> settlement_refusal(std::string_view contract_status, Vnd accepted,
                                          const Ledger& l);

// Behind schedule: the reported progress is more than `slack_pct` points below the share of
// the contract's duration elapsed on `today`.
bool behind_schedule(Date start, Date end, Date today, std::int64_t progress_pct,
                     std::int64_t slack_pct);

}  // namespace kc

#pragma once
// What one support-ceiling rule (`support_ceiling.*` in data/rules.csv) allows a proposal: the
// lesser of its share of the eligible cost and its amount, the amount counted once per
// demonstration model for a rule "per model" and once per beneficiary facility for a rule
// "per facility" or "per enterprise" (at least once either way).
#include <cstdint>
#include <string>

#include "domain/money.h"

namespace kc {

struct CeilingRule {
  std::string unit;         // "per model", "per facility", ...
  std::int64_t pct_bp = 0;  // share of the eligible cost in basis points; 0 = no share limit
  Vnd max_amount_vnd = 0;
};

// Never overflows: the products are taken in 128 bits and capped at the largest amount.
Vnd ceiling_for(const CeilingRule& r, Vnd eligible_cost, std::int64_t models,
                std::int64_t facilities);

}  // namespace kc

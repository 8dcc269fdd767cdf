#include "domain/support_ceiling.h"

#include <algorithm>
#include <limits>

namespace kc {
namespace {

Vnd clamp(__int128 v) {
  return static_cast<Vnd>(std::min<__int128>(v, std::numeric_limits<Vnd>::max()));
}

}  // namespace

Vnd ceiling_for(const CeilingRule& r, Vnd eligible_cost, std::int64_t models,
                std::int64_t facilities) {
  std::int64_t units = 1;
  if (r.unit.find("per model") != std::string::npos) units = std::max<std::int64_t>(1, models);
  if (r.unit.find("per facility") != std::string::npos ||
      r.unit.find("per enterprise") != std::string::npos)
    units = std::max<std::int64_t>(1, facilities);
  Vnd cap = clamp(static_cast<__int128>(r.max_amount_vnd) * units);
  if (r.pct_bp > 0)
    cap = std::min(
        cap, clamp(static_cast<__int128>(std::max<Vnd>(0, eligible_cost)) * r.pct_bp / 10000));
  return cap;
}

}  // namespace kc

#include "domain/tranche.h"

#include <algorithm>

namespace kc {
namespace {
__extension__ typedef __int128 Wide;  // a product of two amounts of đồng
}  // namespace

std::vector<Tranche> yearly_tranches(Vnd total, int first, int last) {
  const int years = std::max(1, last - first + 1);
  constexpr Vnd kMillion = 1'000'000;
  const Vnd each = total / years / kMillion * kMillion;
  std::vector<Tranche> out;
  for (int i = 0; i < years; ++i) out.push_back({first + i, each});
  out.back().amount = total - each * (years - 1);
  return out;
}

std::vector<Tranche> scaled_tranches(const std::vector<Tranche>& planned, Vnd funded) {
  std::vector<Tranche> out = planned;
  if (out.empty()) return out;
  const Vnd first = out.front().amount;
  out.front().amount = funded;
  for (std::size_t i = 1; i < out.size(); ++i)
    out[i].amount =
        first == 0 ? 0 : static_cast<Vnd>(static_cast<Wide>(out[i].amount) * funded / first);
  return out;
}

}  // namespace kc

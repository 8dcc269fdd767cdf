#include "app/hectares.h"

#include <cmath>

#include "domain/cluster_checks.h"

namespace kc::app {

double ha(std::int64_t centiha) {
  return static_cast<double>(centiha) / 100;
}

double occupancy_pct_1(std::int64_t leased, std::int64_t industrial_land) {
  return std::round(occupancy_pct(leased, industrial_land) * 10) / 10;
}

std::int64_t read_centiha(JsonReader& r, const char* key, bool required) {
  auto v = r.number(key, required);
  if (!v) return 0;
  if (*v < 0 || *v > 100000) {
    r.error(key, FieldCode::between, {{"min", "0"}, {"max", "100000"}});
    return 0;
  }
  return static_cast<std::int64_t>(std::llround(*v * 100));
}

}  // namespace kc::app

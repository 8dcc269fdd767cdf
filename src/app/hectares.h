#pragma once
// Areas in the API: hectares with at most two decimals, kept as hundredths of a hectare.
#include <cstdint>

#include "app/json_reader.h"

namespace kc::app {

double ha(std::int64_t centiha);
// Rounded to one decimal, as the register shows it.
double occupancy_pct_1(std::int64_t leased, std::int64_t industrial_land);
// The hectares at `key` (0–100,000) as hundredths; a field error otherwise (0 returned).
std::int64_t read_centiha(JsonReader& r, const char* key, bool required);

}  // namespace kc::app

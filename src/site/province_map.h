#pragma once
// The map of the 34 provinces as inline SVG for the public pages (no script): each province
// drawn from data/geo/provinces-2025.json (embedded in the binary), filled by its figure's
// share of the largest, with a <title> giving its name and figure for screen readers and
// pointers alike.
#include <cstdint>
#include <map>
#include <string>

namespace kc::site {

// `figures`: 34-set province code -> figure; `label(code, figure)` is each province's title.
std::string province_map_svg(const std::map<std::string, std::int64_t>& figures,
                             const std::map<std::string, std::string>& titles,
                             const std::string& caption);

}  // namespace kc::site

#include "app/priority_flags.h"

#include <set>

namespace kc::app {

Status settle_priority_flags(ProjectLookups& lookups, Project& p,
                             const std::vector<store::ProvinceFacts>& facts) {
  std::set<std::string> flags;
  for (const auto& f : p.priority_flags)
    if (!is_one_of(f, kComputedFlags)) flags.insert(f);
  for (auto id : p.beneficiary_ids) {
    auto own = lookups.facility_flags(id);
    if (!own) return std::unexpected(own.error());
    flags.insert(own->begin(), own->end());
  }
  if (!facts.empty()) {
    auto on = p.start.year > 0 ? to_iso(p.start) : std::to_string(p.year) + "-01-01";
    auto regions = lookups.setting("priority_disadvantaged_regions", on);
    if (!regions) return std::unexpected(regions.error());
    std::string list = ";" + *regions + ";";
    if (!facts.front().region_code.empty() &&
        list.find(";" + facts.front().region_code + ";") != std::string::npos)
      flags.insert("disadvantaged_area");
  }
  p.priority_flags.assign(flags.begin(), flags.end());
  return {};
}

}  // namespace kc::app

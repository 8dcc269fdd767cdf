#pragma once
// A project's priority flags (TT 46/2012 Art. 6; NĐ 235/2025 for women-owned facilities and
// ethnic-minority workers). The flags the register can establish are computed on every save
// and a typed value for them is replaced:
//   women_owned, workers_50_plus, ethnic_minorities — a beneficiary facility's own facts
//   disadvantaged_area — the main province lies in a region listed by the dated setting
//                        `priority_disadvantaged_regions` (the highland and mountain regions by
//                        default; the register holds no list of difficult communes yet)
// The others (local_materials, export, supporting_industry, new_rural_commune) rest on facts
// the register does not hold: they stay as the filer declares them, for the appraisal to
// verify.
#include <vector>

#include "app/project_lookups.h"
#include "domain/project.h"
#include "store/reference_repo.h"

namespace kc::app {

inline constexpr std::string_view kComputedFlags[] = {"women_owned", "workers_50_plus",
                                                      "ethnic_minorities", "disadvantaged_area"};

// Sets p.priority_flags to the declared flags plus the computed ones (sorted, once each).
// `facts` are the project's provinces' facts (the first is the main province).
Status settle_priority_flags(ProjectLookups& lookups, Project& p,
                             const std::vector<store::ProvinceFacts>& facts);

}  // namespace kc::app

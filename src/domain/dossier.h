#pragma once
// A proposal's written dossier (thuyết minh đề án), after the proposal template of the rules:
// objectives, need and legal basis, activities, location, scale, socio-economic effect, the
// schedule's milestones and the costs broken down by item with program (khuyến công) and
// counterpart funds per item. The project's requested, counterpart and total amounts are
// the sums of the items whenever the dossier has any: computed, never typed.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.h"
#include "domain/error.h"
#include "domain/money.h"

namespace kc {

struct CostItem {
  std::string category;  // see kCostCategories
  std::string description;
  Vnd program_vnd = 0;      // kinh phí khuyến công
  Vnd counterpart_vnd = 0;  // vốn đối ứng
  bool operator==(const CostItem&) const = default;
};

struct Milestone {
  Date date;
  std::string description;
  bool operator==(const Milestone&) const = default;
};

struct Dossier {
  std::int64_t project_id = 0;
  std::string objectives, need, legal_basis, activities, location, scale, effect;
  std::vector<Milestone> milestones;  // in date order
  std::vector<CostItem> cost_items;
  std::string updated_at;
};

inline constexpr std::string_view kCostCategories[] = {
    "equipment", "materials", "training", "organization", "consulting", "information", "other"};

struct DossierTotals {
  Vnd program_vnd = 0, counterpart_vnd = 0, total_vnd = 0;
};
// The sums of the cost items; nullopt when a sum passes the largest amount.
std::optional<DossierTotals> totals_of(const std::vector<CostItem>& items);

// The dossier's own shape: text lengths, categories, amounts (whole, not negative, sums in
// range), milestones dated within the project's period [start, end] and in order.
std::vector<FieldError> validate(const Dossier& d, Date start, Date end);

}  // namespace kc

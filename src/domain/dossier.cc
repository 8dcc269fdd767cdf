#include "domain/dossier.h"

#include "domain/project.h"
#include "domain/text.h"

namespace kc {
namespace {

constexpr size_t kLongText = 20000, kShortText = 1000;

void max_text(const std::string& value, const std::string& field, size_t max,
              std::vector<FieldError>& out) {
  if (value.size() > max)
    out.push_back({field, FieldCode::too_long, {{"max", std::to_string(max)}}});
}

}  // namespace

std::optional<DossierTotals> totals_of(const std::vector<CostItem>& items) {
  DossierTotals t;
  for (const auto& i : items) {
    auto p = add_vnd(t.program_vnd, i.program_vnd);
    auto c = add_vnd(t.counterpart_vnd, i.counterpart_vnd);
    if (!p || !c) return std::nullopt;
    t.program_vnd = *p, t.counterpart_vnd = *c;
  }
  auto total = add_vnd(t.program_vnd, t.counterpart_vnd);
  if (!total) return std::nullopt;
  t.total_vnd = *total;
  return t;
}

std::vector<FieldError> validate(const Dossier& d, Date start, Date end) {
  std::vector<FieldError> out;
  const std::pair<const std::string*, const char*> texts[] = {
      {&d.objectives, "objectives"}, {&d.need, "need"},         {&d.legal_basis, "legal_basis"},
      {&d.activities, "activities"}, {&d.location, "location"}, {&d.scale, "scale"},
      {&d.effect, "effect"}};
  for (const auto& [value, name] : texts) max_text(*value, name, kLongText, out);
  for (size_t i = 0; i < d.milestones.size(); ++i) {
    std::string f = "milestones/" + std::to_string(i);
    const auto& m = d.milestones[i];
    if (trim(m.description).empty()) out.push_back({f + "/description", FieldCode::not_empty});
    max_text(m.description, f + "/description", kShortText, out);
    if (!is_valid(m.date))
      out.push_back({f + "/date", FieldCode::not_date});
    else if (is_valid(start) && is_valid(end) && (m.date < start || end < m.date))
      out.push_back(
          {f + "/date", FieldCode::outside_period, {{"start", to_vn(start)}, {"end", to_vn(end)}}});
  }
  for (size_t i = 0; i < d.cost_items.size(); ++i) {
    std::string f = "cost_items/" + std::to_string(i);
    const auto& c = d.cost_items[i];
    if (!is_one_of(c.category, kCostCategories))
      out.push_back({f + "/category", FieldCode::one_of, {{"allowed", list_of(kCostCategories)}}});
    if (trim(c.description).empty()) out.push_back({f + "/description", FieldCode::not_empty});
    max_text(c.description, f + "/description", kShortText, out);
    if (c.program_vnd < 0) out.push_back({f + "/program_vnd", FieldCode::negative});
    if (c.counterpart_vnd < 0) out.push_back({f + "/counterpart_vnd", FieldCode::negative});
  }
  if (out.empty() && !totals_of(d.cost_items)) out.push_back({"cost_items", FieldCode::too_large});
  return out;
}

}  // namespace kc

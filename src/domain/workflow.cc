#include "domain/workflow.h"

#include <algorithm>

namespace kc {
namespace {

using P = Party;
using sv = std::string_view;

constexpr sv kDraft[] = {"draft", "returned"};
constexpr sv kSubmitted[] = {"submitted"};
constexpr sv kReturnable[] = {"submitted", "province_appraisal", "forwarded", "ministry_appraisal"};
constexpr sv kProvinceAppraisal[] = {"province_appraisal"};
constexpr sv kForwarded[] = {"forwarded"};
constexpr sv kMinistryAppraisal[] = {"ministry_appraisal"};
constexpr sv kBeforeDecision[] = {
    "draft",     "submitted",     "returned",           "province_appraisal",
    "forwarded", "not_forwarded", "ministry_appraisal", "passed",
    "failed"};

constexpr Step kSteps[] = {
    {"submit", kDraft, "submitted", Channel::any, P::owner | P::department, false},
    {"return", kReturnable, "returned", Channel::any, P::province_office | P::department, true},
    {"start_province_appraisal", kSubmitted, "province_appraisal", Channel::via_province,
     P::province_office | P::department, false},
    {"forward", kProvinceAppraisal, "forwarded", Channel::via_province,
     P::province_office | P::department, false},
    {"not_forward", kProvinceAppraisal, "not_forwarded", Channel::via_province,
     P::province_office | P::department, true},
    {"start_ministry_appraisal", kForwarded, "ministry_appraisal", Channel::via_province,
     static_cast<unsigned>(P::department), false},
    {"start_ministry_appraisal", kSubmitted, "ministry_appraisal", Channel::direct,
     static_cast<unsigned>(P::department), false},
    {"pass", kMinistryAppraisal, "passed", Channel::any, static_cast<unsigned>(P::department),
     false},
    {"fail", kMinistryAppraisal, "failed", Channel::any, static_cast<unsigned>(P::department),
     true},
    {"withdraw", kBeforeDecision, "withdrawn", Channel::any, P::owner | P::department, false},
};

bool in(sv s, std::span<const sv> set) {
  return std::find(set.begin(), set.end(), s) != set.end();
}

}  // namespace

std::span<const Step> workflow_steps() {
  return kSteps;
}

const Step* find_step(std::string_view action) {
  for (const auto& s : kSteps)
    if (s.action == action) return &s;
  return nullptr;
}

bool goes_via_province(std::string_view organization_kind) {
  return organization_kind != "regional_center" && organization_kind != "ministry_unit";
}

const Step* step_from(std::string_view action, std::string_view status, bool via_province) {
  for (const auto& s : kSteps) {
    if (s.action != action || !in(status, s.from)) continue;
    if (s.channel == Channel::via_province && !via_province) continue;
    if (s.channel == Channel::direct && via_province) continue;
    return &s;
  }
  return nullptr;
}

bool is_before_decision(std::string_view status) {
  return in(status, kBeforeDecision);
}

bool filer_may_edit(std::string_view status) {
  return status == "draft" || status == "submitted" || status == "returned";
}

bool department_may_edit(std::string_view status) {
  return is_before_decision(status) || status == "approved" || status == "contracted" ||
         status == "in_progress";
}

}  // namespace kc

#pragma once
// The life of a proposal (đề án), from registration to a ranked, passed proposal:
//
//   draft → submitted → (returned → submitted) → province_appraisal → forwarded | not_forwarded
//         → ministry_appraisal → passed | failed
//   withdrawn from any state before a plan decision;
//   approved, contracted, in_progress, completed, cancelled: set by decisions and contracts.
//
// Proposals of a province's units go through the province's appraisal; those of central
// units, regional centres and the ministry's own tasks go from `submitted` straight to
// `ministry_appraisal`. Each step is an action with the parties that may take it; who is
// which party for a given user is the permission policy's business (app/policy.h).
#include <optional>
#include <span>
#include <string_view>

namespace kc {

inline constexpr std::string_view kProjectStatuses[] = {
    "draft",       "submitted",     "returned",           "province_appraisal",
    "forwarded",   "not_forwarded", "ministry_appraisal", "passed",
    "failed",      "withdrawn",     "approved",           "contracted",
    "in_progress", "completed",     "cancelled"};

// The parties to a proposal's steps.
enum class Party : unsigned {
  owner = 1,            // the province or unit that filed it
  province_office = 2,  // the provincial Department of Industry and Trade of its province
  department = 4,       // the ministry's department
};
constexpr unsigned operator|(Party a, Party b) {
  return static_cast<unsigned>(a) | static_cast<unsigned>(b);
}
constexpr unsigned operator|(unsigned a, Party b) {
  return a | static_cast<unsigned>(b);
}

// Which proposals a step applies to.
enum class Channel { any, via_province, direct };

struct Step {
  std::string_view action;
  std::span<const std::string_view> from;
  std::string_view to;
  Channel channel;
  unsigned parties;   // Party bits
  bool needs_reason;  // returning, refusing and failing say why
};

// Every step, in the order a proposal meets them.
std::span<const Step> workflow_steps();
const Step* find_step(std::string_view action);

// Whether a proposal filed by an organization of this kind goes through its province's
// appraisal (every kind but regional centres and ministry units).
bool goes_via_province(std::string_view organization_kind);

// The step an action takes from `status` for a proposal on this route; nullopt when the
// action does not apply there (an illegal transition).
const Step* step_from(std::string_view action, std::string_view status, bool via_province);

// Before a plan decision: the statuses a proposal can be withdrawn from.
bool is_before_decision(std::string_view status);
// The statuses a filer (province, unit) may still edit: before anyone appraises it.
bool filer_may_edit(std::string_view status);
// The statuses the department may edit the record in (not after a decision or an end).
bool department_may_edit(std::string_view status);

}  // namespace kc

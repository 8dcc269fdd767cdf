#include "app/execution_codec.h"

namespace kc::app {
namespace {

using nlohmann::json;

json nullable_id(std::int64_t id) {
  return id > 0 ? json(id) : json(nullptr);
}

json nullable_text(const std::string& s) {
  return s.empty() ? json(nullptr) : json(s);
}

// Where a record belongs: its contract and project (the lists show them).
void place(json& j, std::int64_t contract_id, const std::string& number, std::int64_t project_id,
           const store::ProjectRef& p) {
  j["contract_id"] = contract_id;
  j["contract_number"] = number;
  j["project_id"] = project_id;
  j["project_code"] = p.project_code;
  j["project_title"] = p.project_title;
  j["program"] = p.program_code;
  j["year"] = p.year;
}

}  // namespace

json to_json(const Ledger& l) {
  return {{"advanced_vnd", l.advanced},
          {"paid_vnd", l.paid},
          {"recovered_vnd", l.recovered},
          {"net_vnd", l.net()}};
}

json to_json(const store::Contract& c) {
  return {{"id", c.id},
          {"project_id", c.project_id},
          {"project_code", c.project.project_code},
          {"project_title", c.project.project_title},
          {"program", c.project.program_code},
          {"year", c.project.year},
          {"level", c.level},
          {"parent_id", nullable_id(c.parent_id)},
          {"number", c.number},
          {"signed_on", nullable_text(c.signed_on)},
          {"party_a", c.party_a},
          {"party_b", c.party_b},
          {"organization_id", nullable_id(c.organization_id)},
          {"facility_id", nullable_id(c.facility_id)},
          {"value_vnd", c.value},
          {"counterpart_vnd", c.counterpart},
          {"counterpart_paid_vnd", c.counterpart_paid},
          {"start_on", c.start_on},
          {"end_on", c.end_on},
          {"status", c.status},
          {"advance_pct", static_cast<double>(c.advance_bp) / 100.0},
          {"advance_rule", c.advance_rule},
          {"settled_on", nullable_text(c.settled_on)},
          {"status_reason", c.status_reason},
          {"officer_id", nullable_id(c.officer_id)},
          {"officer_name", nullable_text(c.officer_name)},
          {"version", c.version},
          {"created_at", c.created_at},
          {"updated_at", c.updated_at}};
}

json to_json(const store::Payment& p) {
  json j = {{"id", p.id},
            {"kind", p.kind},
            {"amount_vnd", p.amount},
            {"paid_on", p.paid_on},
            {"reference", p.reference},
            {"note", p.note},
            {"created_at", p.created_at}};
  place(j, p.contract_id, p.contract_number, p.project_id, p.project);
  return j;
}

json to_json(const store::ProgressReport& r) {
  json j = {{"id", r.id},           {"period_end", r.period_end}, {"progress_pct", r.progress_pct},
            {"spent_vnd", r.spent}, {"problems", r.problems},     {"created_at", r.created_at}};
  place(j, r.contract_id, r.contract_number, r.project_id, r.project);
  return j;
}

json to_json(const store::Acceptance& a) {
  json outputs = json::array();
  for (const auto& o : a.outputs)
    outputs.push_back({{"indicator", o.indicator}, {"expected", o.expected}, {"actual", o.actual}});
  json j = {{"id", a.id},
            {"number", a.number},
            {"accepted_on", a.accepted_on},
            {"verdict", a.verdict},
            {"accepted_vnd", a.accepted},
            {"conclusion", a.conclusion},
            {"outputs", outputs},
            {"beneficiaries", a.beneficiaries},
            {"created_at", a.created_at}};
  place(j, a.contract_id, a.contract_number, a.project_id, a.project);
  return j;
}

}  // namespace kc::app

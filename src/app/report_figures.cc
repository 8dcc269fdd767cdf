#include "app/report_figures.h"

#include "app/completion.h"

#include <fmt/format.h>

#include "store/report_query.h"

namespace kc::app {

using nlohmann::json;

namespace {

// Integers added key by key through nested objects; what only one side has is kept.
json added(const json& a, const json& b) {
  if (a.is_object() && b.is_object()) {
    json out = a;
    for (const auto& [k, v] : b.items()) out[k] = a.contains(k) ? added(a[k], v) : v;
    return out;
  }
  if (a.is_number_integer() && b.is_number_integer())
    return a.get<std::int64_t>() + b.get<std::int64_t>();
  return a.is_null() ? b : a;
}

void rates(json& f) {
  Vnd plan = f["funds"]["plan_vnd"].get<Vnd>();
  f["completion_rate"] = ratio(f["funds"]["accepted_vnd"].get<Vnd>(), plan);
  f["disbursement_rate"] = ratio(f["funds"]["disbursed_vnd"].get<Vnd>(), plan);
}

}  // namespace

json no_figures() {
  json f{{"projects",
          {{"planned", 0}, {"contracted", 0}, {"accepted", 0}, {"settled", 0}, {"cancelled", 0}}},
         {"funds",
          {{"plan_vnd", 0},
           {"contracted_vnd", 0},
           {"disbursed_vnd", 0},
           {"accepted_vnd", 0},
           {"released_vnd", 0}}},
         {"outputs", json::object()}};
  rates(f);
  return f;
}

Result<json> slice_figures(store::Connection& db, const Actor& a, const ListQuery& q,
                           const store::ReportFacts* facts) {
  auto done = completion_json(db, a, q, facts);
  if (!done) return std::unexpected(done.error());
  json f = no_figures();
  f["projects"] = added(f["projects"], (*done)["projects"]);
  f["funds"] = added(f["funds"], (*done)["funds"]);
  for (const auto& o : (*done)["outputs"])
    f["outputs"][o["indicator"].get<std::string>()] = {{"planned", o["expected"]},
                                                       {"actual", o["actual"]}};
  rates(f);
  return f;
}

Result<std::vector<store::PlanGroup>> plan_groups(store::Connection& db, const ListQuery& q,
                                                  store::PlanDimension by,
                                                  const store::ReportFacts* facts) {
  if (facts && store::covers(q)) return store::plan_breakdown(*facts, q, by);
  return store::plan_breakdown(db, q, by);
}

Result<json> data_as_of(store::Connection& db, const store::ReportFacts* facts) {
  auto f = facts ? Result<store::Freshness>(facts->as_of) : store::freshness(db);
  if (!f) return std::unexpected(f.error());
  return json{{"at", f->as_of}, {"source", f->replica ? "replica" : "primary"}};
}

std::string as_of_line(const json& as_of) {
  if (!as_of.is_object() || !as_of.contains("at")) return "";
  const std::string at = as_of["at"].get<std::string>();  // YYYY-MM-DDTHH:MM:SSZ
  auto day = parse_date(at.substr(0, 10));
  if (!day || at.size() < 16) return "";
  int hour = std::stoi(at.substr(11, 2)) + 7;
  Date d = hour >= 24 ? add_days(*day, 1) : *day;
  return fmt::format("Số liệu đến {:02d}:{} ngày {}", hour % 24, at.substr(14, 2), to_vn(d)) +
         (as_of.value("source", "") == "replica" ? " (bản sao dữ liệu)" : "");
}

json add_figures(const json& a, const json& b) {
  json out = added(a, b);
  rates(out);
  return out;
}

}  // namespace kc::app

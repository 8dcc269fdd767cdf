#include "app/annual_report.h"

#include <map>

#include "app/completion.h"
#include "app/exports.h"
#include "app/reference.h"
#include "app/register.h"
#include "app/report_book.h"
#include "app/report_figures.h"
#include "store/decision_repo.h"
#include "store/report_query.h"

namespace kc::app {
namespace {

using nlohmann::json;

Result<json> groups(store::Connection& db, const ListQuery& q, store::PlanDimension by,
                    const store::ReportFacts* facts) {
  auto rows = plan_groups(db, q, by, facts);
  if (!rows) return std::unexpected(rows.error());
  json out = json::object();
  for (const auto& g : *rows)
    out[g.key] = {
        {"projects", g.projects}, {"plan_vnd", g.plan_vnd}, {"counterpart_vnd", g.counterpart_vnd}};
  return out;
}

// The contents' groups rolled up into the report's headings, through the dated mapping in
// force on 1 January of the year (else the content's latest mapping).
Result<json> headings(store::Connection& db, const json& by_content, int year) {
  auto mapping = list_reference(db, "content-report-groups");
  if (!mapping) return std::unexpected(mapping.error());
  const std::string day = std::to_string(year) + "-01-01";
  std::map<std::string, std::string> group_of;
  for (const auto& m : (*mapping)["items"]) {
    const std::string content = m["content_code"].get<std::string>();
    bool in_force = m["valid_from"].get<std::string>() <= day &&
                    (m["valid_to"].is_null() || day <= m["valid_to"].get<std::string>());
    if (in_force || !group_of.contains(content))
      group_of[content] = m["group_code"].get<std::string>();
  }
  json out = json::object();
  for (const auto& [content, g] : by_content.items()) {
    auto it = group_of.find(content);
    json& h = out[it == group_of.end() ? std::string("OTHER") : it->second];
    for (const char* k : {"projects", "plan_vnd", "counterpart_vnd"})
      h[k] = (h.contains(k) ? h[k].get<std::int64_t>() : 0) + g[k].get<std::int64_t>();
  }
  return out;
}

}  // namespace

Result<json> annual_report(store::Connection& db, const Actor& a, int year,
                           const std::string& program, const store::ReportFacts* facts) {
  if (!may(a, Permission::read_execution)) return std::unexpected(Error::forbidden());
  auto tx = store::Transaction::read(db);
  if (!tx) return std::unexpected(tx.error());
  ListQuery pq;
  pq.year = year;
  pq.page_size = 1000;
  auto programs = list_programs(db, a, pq);
  if (!programs) return std::unexpected(programs.error());
  json codes = json::array(), decisions = json::array();
  Vnd envelope = 0;
  for (const auto& p : programs->items) {
    if (!program.empty() && p.code != program) continue;
    codes.push_back(p.code);
    envelope += p.budget_vnd;
    auto ds = store::list_decision_heads(db, p.id);
    if (!ds) return std::unexpected(ds.error());
    for (const auto& d : *ds)
      decisions.push_back({{"program", p.code},
                           {"kind", d.kind},
                           {"number", d.number},
                           {"signed_on", d.signed_on},
                           {"amount_vnd", d.total}});
  }
  if (!program.empty() && codes.empty())
    return std::unexpected(Error::invalid(
        "invalid query", {{"program", FieldCode::unknown_program, {{"code", program}}}}));
  ListQuery q;
  q.year = year;
  q.program_code = program;
  auto done = completion_json(db, a, q, facts);
  if (!done) return std::unexpected(done.error());
  json by = json::object();
  apply_scope(q, project_scope(a));  // the breakdowns, like the completion, in the reader's scope
  for (auto [name, dim] : {std::pair{"content", store::PlanDimension::content},
                           std::pair{"kind", store::PlanDimension::kind},
                           std::pair{"region", store::PlanDimension::region},
                           std::pair{"province", store::PlanDimension::province}}) {
    auto g = groups(db, q, dim, facts);
    if (!g) return std::unexpected(g.error());
    by[name] = std::move(*g);
  }
  auto grouped = headings(db, by["content"], year);
  if (!grouped) return std::unexpected(grouped.error());
  by["group"] = std::move(*grouped);
  Vnd counterpart = 0;
  for (const auto& [k, g] : by["content"].items()) counterpart += g["counterpart_vnd"].get<Vnd>();
  json outputs = json::object();
  for (const auto& o : (*done)["outputs"])
    outputs[o["indicator"].get<std::string>()] = {{"planned", o["expected"]},
                                                  {"actual", o["actual"]}};
  auto output = [&](const char* code, const char* measure) -> std::int64_t {
    return outputs.contains(code) ? outputs[code][measure].get<std::int64_t>() : 0;
  };
  const auto& funds = (*done)["funds"];
  Vnd plan = funds["plan_vnd"].get<Vnd>();
  auto as_of = data_as_of(db, facts);
  if (!as_of) return std::unexpected(as_of.error());
  (void)tx->commit();
  return json{{"data_as_of", *as_of},
              {"year", year},
              {"programs", codes},
              {"envelope_vnd", envelope},
              {"decisions", {{"count", decisions.size()}, {"items", decisions}}},
              {"projects", (*done)["projects"]},
              {"funds",
               {{"plan_vnd", plan},
                {"contracted_vnd", funds["contracted_vnd"]},
                {"disbursed_vnd", funds["disbursed_vnd"]},
                {"accepted_vnd", funds["accepted_vnd"]},
                {"released_vnd", funds["released_vnd"]},
                {"counterpart_vnd", counterpart}}},
              {"completion_rate", (*done)["completion_rate"]},
              {"disbursement_rate", (*done)["disbursement_rate"]},
              {"counterpart_per_program_vnd", ratio(counterpart, plan)},
              {"by", by},
              {"outputs", outputs},
              {"cluster_projects",
               {{"detailed_plan", output("ccn_detailed_plan", "actual")},
                {"infrastructure", output("ccn_infrastructure", "actual")},
                {"total",
                 output("ccn_detailed_plan", "actual") + output("ccn_infrastructure", "actual")}}}};
}

std::vector<std::vector<std::string>> report_rows(const json& r) {
  std::vector<std::vector<std::string>> rows{{"section", "dimension", "key", "measure", "value"}};
  auto text = [](const json& v) { return v.is_string() ? v.get<std::string>() : v.dump(); };
  auto add = [&](std::string section, std::string dimension, std::string key, std::string measure,
                 const json& v) {
    rows.push_back(
        {std::move(section), std::move(dimension), std::move(key), std::move(measure), text(v)});
  };
  add("envelope", "", "", "envelope_vnd", r["envelope_vnd"]);
  add("decisions", "", "", "count", r["decisions"]["count"]);
  for (const auto& [k, v] : r["projects"].items()) add("projects", "", "", k, v);
  for (const auto& [k, v] : r["funds"].items()) add("funds", "", "", k, v);
  for (const char* k : {"completion_rate", "disbursement_rate", "counterpart_per_program_vnd"})
    add("rates", "", "", k, r[k]);
  for (const auto& [dim, groups] : r["by"].items())
    for (const auto& [key, g] : groups.items())
      for (const auto& [measure, v] : g.items()) add("by", dim, key, measure, v);
  for (const auto& [code, o] : r["outputs"].items())
    for (const auto& [measure, v] : o.items()) add("outputs", "indicator", code, measure, v);
  for (const auto& [k, v] : r["cluster_projects"].items()) add("cluster_projects", "", "", k, v);
  return rows;
}

Result<ExportResult> export_annual_report(store::Connection& db, const Actor& a, int year,
                                          const std::string& program, const std::string& format,
                                          const std::string& path,
                                          const store::ReportFacts* facts) {
  if (format == "json" || !is_report_format(format))
    return std::unexpected(Error::invalid(
        "invalid query", {{"format", FieldCode::one_of, {{"allowed", kReportFormats}}}}));
  auto r = annual_report(db, a, year, program, facts);
  if (!r) return std::unexpected(r.error());
  auto book = annual_book(db, *r);
  if (!book) return std::unexpected(book.error());
  return write_report_book(
      *book, format, path,
      "bao-cao-nam-" + std::to_string(year) + (program.empty() ? "" : "-" + program));
}

}  // namespace kc::app

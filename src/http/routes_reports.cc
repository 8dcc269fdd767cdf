// The program's reports and open data: read, call app/, reply (JSON, or a CSV/XLSX/PDF file).
#include <charconv>
#include <map>
#include <optional>

#include "app/annual_report.h"
#include "app/open_data.h"
#include "app/period_report.h"
#include "app/province_report.h"
#include "app/report_book.h"
#include "http/reply.h"

namespace kc::http {
namespace {

// The query of a report: its own parameters (`names`, each with its default; none = required),
// `format`, and no other. The year, when a parameter, is a number within 2000–2100.
struct ReportQuery {
  std::map<std::string, std::string> values;
  std::vector<FieldError> errors;
  const std::string& operator[](const std::string& k) const { return values.at(k); }
};

ReportQuery read_query(const Request& req,
                       std::map<std::string, std::optional<std::string>> names) {
  ReportQuery q;
  names.emplace("format", "json");
  for (const auto& [k, v] : req.query) {
    if (!names.contains(k)) {
      q.errors.push_back({k, FieldCode::unknown_parameter});
      continue;
    }
    q.values[k] = v;
    int year = 0;
    auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), year);
    if (k == "year" &&
        (ec != std::errc{} || p != v.data() + v.size() || year < 2000 || year > 2100))
      q.errors.push_back({"year", FieldCode::year_range, {{"min", "2000"}, {"max", "2100"}}});
  }
  for (const auto& [k, fallback] : names)
    if (!q.values.contains(k)) {
      if (!fallback && q.errors.empty()) q.errors.push_back({k, FieldCode::required});
      q.values[k] = fallback.value_or("");
    }
  if (q.errors.empty() && !app::is_report_format(q["format"]))
    q.errors.push_back({"format", FieldCode::one_of, {{"allowed", app::kReportFormats}}});
  return q;
}

// JSON from `json`, else the file `file` writes to a temporary path.
template <class J, class F>
Response answer(const ReportQuery& q, Request& req, J&& json, F&& file) {
  if (!q.errors.empty()) return problem(Error::invalid("invalid query", q.errors), req.path);
  if (q["format"] == "json") return reply(json(), req, as_is);
  std::string path = app::temporary_export_path(q["format"]);
  return file_reply(file(path), path, req);
}

Response annual(HandlerContext& ctx, Request& req) {
  auto q = read_query(req, {{"year", std::nullopt}, {"program", ""}});
  int year = q.errors.empty() ? std::stoi(q["year"]) : 0;
  auto facts = ctx.report_facts();
  return answer(
      q, req,
      [&] { return app::annual_report(ctx.reports(), ctx.actor, year, q["program"], facts.get()); },
      [&](const std::string& path) {
        return app::export_annual_report(ctx.reports(), ctx.actor, year, q["program"], q["format"],
                                         path, facts.get());
      });
}

Response period(HandlerContext& ctx, Request& req) {
  auto q = read_query(req, {{"period", std::nullopt}});
  auto facts = ctx.report_facts();
  return answer(
      q, req,
      [&] { return app::period_report(ctx.reports(), ctx.actor, q["period"], facts.get()); },
      [&](const std::string& path) {
        return app::export_period_report(ctx.reports(), ctx.actor, q["period"], q["format"], path,
                                         facts.get());
      });
}

Response province(HandlerContext& ctx, Request& req) {
  auto q = read_query(req, {{"province", std::nullopt}, {"set", "2025"}});
  auto facts = ctx.report_facts();
  return answer(
      q, req,
      [&] {
        return app::province_report(ctx.reports(), ctx.actor, q["set"], q["province"], facts.get());
      },
      [&](const std::string& path) {
        return app::export_province_report(ctx.reports(), ctx.actor, q["set"], q["province"],
                                           q["format"], path, facts.get());
      });
}

// The published plans and results as one JSON file (app/open_data.h): public.
Response open_data(HandlerContext& ctx, Request& req) {
  auto q = read_query(req, {{"year", ""}, {"program", ""}});
  if (q.errors.empty() && q["format"] != "json")
    q.errors.push_back({"format", FieldCode::one_of, {{"allowed", "json"}}});
  if (!q.errors.empty()) return problem(Error::invalid("invalid query", q.errors), req.path);
  int year = q["year"].empty() ? 0 : std::stoi(q["year"]);
  std::string path = app::temporary_export_path("json");
  return file_reply(app::export_open_data(ctx.reports(), ctx.actor, year, q["program"], path), path,
                    req);
}

}  // namespace

void add_report_routes(std::vector<Route>& t) {
  t.push_back({"GET", "/api/v1/reports/annual",
               "The annual report of a program year (?year=, ?program=, "
               "?format=json|csv|xlsx|pdf)",
               app::Permission::read_execution, annual, false, true});
  t.push_back({"GET", "/api/v1/reports/period",
               "The multi-year report of a program period (?period=, ?format=)",
               app::Permission::read_execution, period, false, true});
  t.push_back({"GET", "/api/v1/reports/province",
               "A province's profile across the years (?province=, ?set=2025|2008, ?format=)",
               app::Permission::read_execution, province, false, true});
  t.push_back({"GET", "/api/v1/open-data",
               "The published plans and their results as open data (?year=, ?program=): "
               "docs/open-data.md",
               app::Permission::public_read, open_data, false, true});
}

}  // namespace kc::http

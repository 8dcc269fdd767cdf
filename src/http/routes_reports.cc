// The program's reports: read, call app/, reply (JSON, or a CSV/XLSX file).
#include <charconv>

#include "app/annual_report.h"
#include "app/report_book.h"
#include "http/reply.h"

namespace kc::http {
namespace {

Response annual(HandlerContext& ctx, Request& req) {
  int year = 0;
  std::string program, format = "json";
  std::vector<FieldError> errors;
  for (const auto& [k, v] : req.query) {
    if (k == "year") {
      auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), year);
      if (ec != std::errc{} || p != v.data() + v.size() || year < 2000 || year > 2100)
        errors.push_back({"year", FieldCode::year_range, {{"min", "2000"}, {"max", "2100"}}});
    } else if (k == "program") {
      program = v;
    } else if (k == "format") {
      format = v;
    } else {
      errors.push_back({k, FieldCode::unknown_parameter});
    }
  }
  if (year == 0 && errors.empty()) errors.push_back({"year", FieldCode::required});
  if (!errors.empty()) return problem(Error::invalid("invalid query", std::move(errors)), req.path);
  if (format == "json")
    return reply(app::annual_report(ctx.db, ctx.actor, year, program), req, as_is);
  if (!app::is_report_format(format))
    return problem(
        Error::invalid("invalid query",
                       {{"format", FieldCode::one_of, {{"allowed", app::kReportFormats}}}}),
        req.path);
  std::string path = app::temporary_export_path(format);
  return file_reply(app::export_annual_report(ctx.db, ctx.actor, year, program, format, path), path,
                    req);
}

}  // namespace

void add_report_routes(std::vector<Route>& t) {
  t.push_back({"GET", "/api/v1/reports/annual",
               "The annual report of a program year (?year=, ?program=, ?format=json|csv|xlsx|pdf)",
               app::Permission::read_execution, annual, false, true});
}

}  // namespace kc::http

// Background jobs: start one (an export, for now), follow its progress, fetch its file.
#include <unistd.h>

#include <charconv>

#include "app/codec.h"
#include "app/exports.h"
#include "app/jobs.h"
#include "http/reply.h"

namespace kc::http {
namespace {

using app::Permission;
using nlohmann::json;

// The open-data export as a job: filters `year` (2000–2100) and `program` (a code) only.
Response open_data_job(HandlerContext& ctx, Request& req,
                       const std::map<std::string, std::string>& filters,
                       std::vector<FieldError> errors) {
  int year = 0;
  std::string program;
  for (const auto& [k, v] : filters) {
    if (k == "program") {
      program = v;
    } else if (k == "year") {
      auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), year);
      if (ec != std::errc{} || p != v.data() + v.size() || year < 2000 || year > 2100)
        errors.push_back(
            {"filters/year", FieldCode::year_range, {{"min", "2000"}, {"max", "2100"}}});
    } else {
      errors.push_back({"filters/" + k, FieldCode::unknown_parameter});
    }
  }
  if (!errors.empty()) return problem(Error::invalid("invalid job", errors), req.path);
  // Like the reports, from the replica when there is one.
  const app::Background& on_reports =
      ctx.report_cache ? ctx.report_cache->runner() : ctx.background;
  return reply(app::start_open_data_job(ctx.actor, year, program, on_reports), req, app::job_json,
               202);
}

Response start_job(HandlerContext& ctx, Request& req) {
  auto body = body_of(req);
  if (!body) return problem(body.error(), req.path);
  std::vector<FieldError> errors;
  app::JsonReader r(*body, "", errors);
  std::string kind = r.text("kind", true), format = r.text("format", false),
              layout = r.text("layout", false);
  std::map<std::string, std::string> filters;
  if (r.has("filters")) {
    const json& f = (*body)["filters"];
    if (!f.is_object()) errors.push_back({"filters", FieldCode::not_object});
    for (auto it = f.begin(); f.is_object() && it != f.end(); ++it) {
      if (it->is_string())
        filters[it.key()] = it->get<std::string>();
      else if (it->is_number_integer())
        filters[it.key()] = std::to_string(it->get<std::int64_t>());
      else
        errors.push_back({"filters/" + it.key(), FieldCode::string_or_integer});
    }
  }
  r.ignore("filters");
  r.finish();
  if (!kind.empty() && kind != "export_projects" && kind != "open_data")
    errors.push_back({"kind", FieldCode::one_of, {{"allowed", "export_projects, open_data"}}});
  if (kind == "open_data") return open_data_job(ctx, req, filters, std::move(errors));
  if (!errors.empty()) return problem(Error::invalid("invalid job", errors), req.path);
  auto q = app::list_query_from(filters);
  if (!q) {
    Error e = q.error();
    for (auto& f : e.fields) f.field = "filters/" + f.field;
    return problem(e, req.path);
  }
  auto job = app::start_export_job(ctx.actor, *q, format.empty() ? "csv" : format, ctx.background,
                                   layout.empty() ? "data" : layout);
  return reply(job, req, app::job_json, 202);
}

Response get_job(HandlerContext& ctx, Request& req) {
  return reply(app::find_job(ctx.actor, req.path_params.at("id")), req, app::job_json);
}

Response job_file(HandlerContext& ctx, Request& req) {
  auto job = app::find_job(ctx.actor, req.path_params.at("id"));
  if (!job) return problem(job.error(), req.path);
  if (job->status != "done")
    return problem(
        conflict("job_not_done", "the job is " + job->status + "; fetch its file when done"),
        req.path);
  // The server removes what it sent: send a second name of the file, so it can be fetched again.
  std::string copy = app::temporary_export_path("part");
  std::remove(copy.c_str());
  if (::link(job->file.c_str(), copy.c_str()) != 0)
    return problem(Error::not_found("the job's file is no longer kept"), req.path);
  Response res(200, job->content_type, "");
  res.headers.emplace_back("Content-Disposition",
                           "attachment; filename=\"" + job->file_name + "\"");
  res.file = copy;
  return res;
}

}  // namespace

void add_job_routes(std::vector<Route>& t) {
  t.push_back(
      {"POST", "/api/v1/jobs",
       "Start a background job (an export of the filtered projects, or the open data); 202 with "
       "its id",
       Permission::read_projects, start_job});
  t.push_back({"GET", "/api/v1/jobs/{id}", "A job of yours: status and progress",
               Permission::own_session, get_job});
  t.push_back({"GET", "/api/v1/jobs/{id}/file", "The file of a finished job of yours",
               Permission::own_session, job_file});
}

}  // namespace kc::http

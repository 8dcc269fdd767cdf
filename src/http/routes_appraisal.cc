// Routes of the proposal workflow and its appraisal: transitions, registration rounds,
// councils, assignments, score sheets, rankings and conclusions. Thin: read, call app/, reply.
#include <cstdio>

#include "app/appraisal.h"
#include "app/council_papers.h"
#include "app/eligibility.h"
#include "app/projects.h"
#include "app/registration_report.h"
#include "app/round_conclusion.h"
#include "app/scoring.h"
#include "app/workflow.h"
#include "http/reply.h"

namespace kc::http {
namespace {

using app::json;
using app::Permission;

// The project as this user sees it (with may_edit and actions).
Response project_view(HandlerContext& ctx, Request& req, const Result<Project>& p,
                      int status = 200) {
  if (!p) return problem(p.error(), req.path);
  return reply(app::project_view(ctx.db, ctx.actor, *p), req, as_is, status);
}

Response get_project(HandlerContext& ctx, Request& req) {
  auto id = path_id(req);
  if (!id) return problem(id.error(), req.path);
  return project_view(ctx, req, app::get_project(ctx.db, ctx.actor, *id));
}

Response transition(HandlerContext& ctx, Request& req) {
  auto id = path_id(req);
  if (!id) return problem(id.error(), req.path);
  app::TransitionRequest t;
  t.project_id = *id;
  auto ok = read_body(req, "invalid transition", [&](app::JsonReader& r) {
    t.action = r.text("action", true);
    t.version = r.integer("version", true).value_or(0);
    t.reason = r.text("reason", false);
  });
  if (!ok) return problem(ok.error(), req.path);
  t.today = app::vietnam_today();
  return project_view(ctx, req, app::transition_project(ctx.db, ctx.actor, t));
}

Response checks(HandlerContext& ctx, Request& req) {
  auto id = path_id(req);
  if (!id) return problem(id.error(), req.path);
  return reply(app::project_checks(ctx.db, ctx.actor, *id), req, as_is);
}

Response list_rounds(HandlerContext& ctx, Request& req) {
  std::int64_t program = 0, year = 0;
  for (const auto& [k, v] : req.query) {
    std::int64_t* into = k == "program" ? &program : k == "year" ? &year : nullptr;
    auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), *(into ? into : &program));
    if (!into || ec != std::errc{} || p != v.data() + v.size())
      return problem(Error::invalid("invalid query", {{k, into ? FieldCode::not_integer
                                                               : FieldCode::unknown_parameter}}),
                     req.path);
  }
  return reply(app::list_rounds(ctx.db, ctx.actor, program, static_cast<int>(year)), req,
               [](const std::vector<Round>& rs) {
                 json items = json::array();
                 for (const auto& r : rs) items.push_back(app::to_json(r));
                 return json{{"items", items}};
               });
}

Response create_round(HandlerContext& ctx, Request& req) {
  auto body = body_of(req);
  if (!body) return problem(body.error(), req.path);
  auto r = app::round_from_json(*body, false);
  if (!r) return problem(r.error(), req.path);
  return reply(
      app::create_round(ctx.db, ctx.actor, *r), req, [](const Round& x) { return app::to_json(x); },
      201);
}

Response get_round(HandlerContext& ctx, Request& req) {
  auto id = path_id(req);
  if (!id) return problem(id.error(), req.path);
  return reply(app::get_round(ctx.db, ctx.actor, *id), req,
               [](const Round& x) { return app::to_json(x); });
}

Response update_round(HandlerContext& ctx, Request& req) {
  auto id = path_id(req);
  if (!id) return problem(id.error(), req.path);
  auto body = body_of(req);
  if (!body) return problem(body.error(), req.path);
  auto r = app::round_from_json(*body, true);
  if (!r) return problem(r.error(), req.path);
  r->id = *id;
  return reply(app::update_round(ctx.db, ctx.actor, *r), req,
               [](const Round& x) { return app::to_json(x); });
}

Response list_councils(HandlerContext& ctx, Request& req) {
  auto id = path_id(req);
  if (!id) return problem(id.error(), req.path);
  return reply(app::list_councils(ctx.db, ctx.actor, *id), req, [](const std::vector<Council>& cs) {
    json items = json::array();
    for (const auto& c : cs) items.push_back(app::to_json(c));
    return json{{"items", items}};
  });
}

Response create_council(HandlerContext& ctx, Request& req) {
  auto id = path_id(req);
  if (!id) return problem(id.error(), req.path);
  auto body = body_of(req);
  if (!body) return problem(body.error(), req.path);
  auto c = app::council_from_json(*body);
  if (!c) return problem(c.error(), req.path);
  c->round_id = *id;
  return reply(
      app::create_council(ctx.db, ctx.actor, *c), req,
      [](const Council& x) { return app::to_json(x); }, 201);
}

Response ranking(HandlerContext& ctx, Request& req) {
  auto id = path_id(req);
  if (!id) return problem(id.error(), req.path);
  return reply(app::council_ranking(ctx.db, ctx.actor, *id), req, as_is);
}

Response export_ranking(HandlerContext& ctx, Request& req) {
  auto id = path_id(req);
  if (!id) return problem(id.error(), req.path);
  return formatted_file(req, "xlsx", "csv",
                        [&](const std::string& format, const std::string& path) {
                          return app::export_ranking(ctx.db, ctx.actor, *id, format, path);
                        });
}

Response member_sheets(HandlerContext& ctx, Request& req) {
  auto id = path_id(req);
  auto user = path_number(req, "user");
  if (!id || !user) return problem((!id ? id : user).error(), req.path);
  return formatted_file(
      req, "xlsx", "csv", [&](const std::string& format, const std::string& path) {
        return app::export_member_sheets(ctx.db, ctx.actor, *id, *user, format, path);
      });
}

Response minutes(HandlerContext& ctx, Request& req) {
  auto id = path_id(req);
  if (!id) return problem(id.error(), req.path);
  return formatted_file(req, "pdf", "docx",
                        [&](const std::string& format, const std::string& path) {
                          return app::export_minutes(ctx.db, ctx.actor, *id, format, path);
                        });
}

Response assign(HandlerContext& ctx, Request& req) {
  auto id = path_id(req);
  if (!id) return problem(id.error(), req.path);
  std::vector<std::int64_t> projects, users;
  auto ok = read_body(req, "invalid assignment", [&](app::JsonReader& r) {
    projects = r.ids("project_ids", true);
    users = r.ids("user_ids", false);
  });
  if (!ok) return problem(ok.error(), req.path);
  return reply(app::assign_projects(ctx.db, ctx.actor, *id, projects, users), req, as_is);
}

Response get_sheet(HandlerContext& ctx, Request& req) {
  auto id = path_id(req);
  auto project = path_number(req, "project");
  if (!id || !project) return problem((!id ? id : project).error(), req.path);
  return reply(app::my_sheet(ctx.db, ctx.actor, *id, *project), req, as_is);
}

Response put_sheet(HandlerContext& ctx, Request& req) {
  auto id = path_id(req);
  auto project = path_number(req, "project");
  if (!id || !project) return problem((!id ? id : project).error(), req.path);
  auto body = body_of(req);
  if (!body) return problem(body.error(), req.path);
  auto sheet = app::sheet_from_json(*body);
  if (!sheet) return problem(sheet.error(), req.path);
  sheet->council_id = *id, sheet->project_id = *project, sheet->user_id = ctx.actor.user_id;
  return reply(app::save_sheet(ctx.db, ctx.actor, *sheet), req, as_is);
}

Response conflict_of_interest(HandlerContext& ctx, Request& req) {
  auto id = path_id(req);
  auto project = path_number(req, "project");
  if (!id || !project) return problem((!id ? id : project).error(), req.path);
  std::string note;
  auto ok = read_body(req, "invalid declaration",
                      [&](app::JsonReader& r) { note = r.text("note", true); });
  if (!ok) return problem(ok.error(), req.path);
  return reply(app::declare_conflict(ctx.db, ctx.actor, *id, *project, note), req, as_is);
}

Response conclude(HandlerContext& ctx, Request& req) {
  auto id = path_id(req);
  if (!id) return problem(id.error(), req.path);
  std::int64_t project = 0;
  std::string conclusion, note;
  auto ok = read_body(req, "invalid conclusion", [&](app::JsonReader& r) {
    project = r.integer("project_id", true).value_or(0);
    conclusion = r.text("conclusion", true);
    note = r.text("note", false);
  });
  if (!ok) return problem(ok.error(), req.path);
  return reply(app::conclude(ctx.db, ctx.actor, *id, project, conclusion, note), req, as_is);
}

Response conclude_round(HandlerContext& ctx, Request& req) {
  auto id = path_id(req);
  if (!id) return problem(id.error(), req.path);
  auto body = body_of(req);
  if (!body) return problem(body.error(), req.path);
  return reply(app::conclude_round(ctx.db, ctx.actor, *id, *body), req, as_is, 201);
}

Response round_conclusion(HandlerContext& ctx, Request& req) {
  auto id = path_id(req);
  if (!id) return problem(id.error(), req.path);
  return reply(app::round_conclusion_json(ctx.db, ctx.actor, *id), req, as_is);
}

Response registration(HandlerContext& ctx, Request& req) {
  auto id = path_id(req);
  if (!id) return problem(id.error(), req.path);
  std::string province, format;
  for (const auto& [k, v] : req.query) {
    if (k == "province")
      province = v;
    else if (k == "format")
      format = v;
    else
      return problem(Error::invalid("invalid query", {{k, FieldCode::unknown_parameter}}),
                     req.path);
  }
  if (format.empty() || format == "json")
    return reply(app::registration_report(ctx.db, ctx.actor, *id, province), req, as_is);
  std::string path = app::temporary_export_path(format == "csv" ? "csv" : "xlsx");
  return file_reply(app::export_registration_report(ctx.db, ctx.actor, *id, province, format, path),
                    path, req);
}

}  // namespace

void add_appraisal_routes(std::vector<Route>& t) {
  auto R = Permission::read_rounds, M = Permission::manage_rounds, C = Permission::manage_councils,
       S = Permission::score;
  t.push_back({"POST", "/api/v1/projects/{id}/transitions",
               "Take a workflow action on a proposal (submit, return, forward, ...)",
               Permission::write_projects, transition});
  t.push_back({"GET", "/api/v1/projects/{id}/checks",
               "Eligibility checks of a proposal, each with its rule and legal source",
               Permission::read_projects, checks, true});
  t.push_back({"GET", "/api/v1/rounds", "Registration rounds", R, list_rounds, true});
  t.push_back({"POST", "/api/v1/rounds", "Open a registration round", M, create_round});
  t.push_back({"GET", "/api/v1/rounds/{id}", "A registration round", R, get_round, true});
  t.push_back({"PUT", "/api/v1/rounds/{id}", "Change a round's dates, rules and criteria", M,
               update_round});
  t.push_back(
      {"GET", "/api/v1/rounds/{id}/councils", "The round's councils", R, list_councils, true});
  t.push_back({"POST", "/api/v1/rounds/{id}/councils", "Set up a council", C, create_council});
  t.push_back({"GET", "/api/v1/councils/{id}/ranking",
               "Progress per member and proposal, and the ranking", R, ranking, true});
  t.push_back({"GET", "/api/v1/councils/{id}/ranking/export",
               "The ranking as an XLSX (or CSV) file in Vietnamese", R, export_ranking, false,
               true});
  t.push_back({"GET", "/api/v1/councils/{id}/members/{user}/sheets",
               "A member's score sheets as XLSX (or ?format=csv): the member, or the council's "
               "manager",
               R, member_sheets, false, true});
  t.push_back({"GET", "/api/v1/councils/{id}/minutes",
               "The council's minutes as PDF (or ?format=docx): members, results, signatures", R,
               minutes, false, true});
  t.push_back(
      {"POST", "/api/v1/councils/{id}/assignments", "Assign proposals to members", C, assign});
  t.push_back({"POST", "/api/v1/councils/{id}/conclusions",
               "The council's conclusion on a proposal", C, conclude});
  t.push_back({"GET", "/api/v1/rounds/{id}/registration-report",
               "A province's registration report (?province=CODE of the 34; ?format=xlsx|csv "
               "for a file): the proposals it forwarded, their totals, and its results of the "
               "year before",
               Permission::read_plans, registration});
  t.push_back({"POST", "/api/v1/councils/{id}/round-conclusion",
               "The council's conclusion on its round (day, summary, the counts of its proposals' "
               "conclusions), once each proposal has one; then they are final",
               C, conclude_round});
  t.push_back({"GET", "/api/v1/councils/{id}/round-conclusion",
               "The council's conclusion on its round (404 until it is drawn)", R,
               round_conclusion});
  t.push_back({"GET", "/api/v1/councils/{id}/sheets/{project}", "My score sheet for a proposal", S,
               get_sheet});
  t.push_back({"PUT", "/api/v1/councils/{id}/sheets/{project}", "Save my scores for a proposal", S,
               put_sheet});
  t.push_back({"POST", "/api/v1/councils/{id}/sheets/{project}/conflict",
               "Declare a conflict of interest on a proposal", S, conflict_of_interest});
}

Handler project_view_handler() {
  return get_project;
}

}  // namespace kc::http

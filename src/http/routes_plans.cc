// Routes of the plan builder: solve a scenario, its model as an LP file, saved scenarios and
// their comparison. Thin: read, call app/, reply. Solves run on the server's pool.
#include <charconv>

#include "app/completion.h"
#include "app/decision_appendix.h"
#include "app/decision_document.h"
#include "app/group_split.h"
#include "app/plan_decisions.h"
#include "app/plan_rollup.h"
#include "app/plan_scenarios.h"
#include "app/planning.h"
#include "http/reply.h"

namespace kc::http {
namespace {

using app::json;
using app::Permission;

Response solve(HandlerContext& ctx, Request& req) {
  auto body = body_of(req);
  if (!body) return problem(body.error(), req.path);
  bool explain = true;
  for (const auto& [k, v] : req.query) {
    if (k == "explain" && (v == "true" || v == "false"))
      explain = v == "true";
    else
      return problem(
          Error::invalid("invalid query", {{k, k == "explain" ? FieldCode::not_boolean
                                                              : FieldCode::unknown_parameter}}),
          req.path);
  }
  return reply(app::solve_plan(ctx.db, ctx.actor, *body, {explain, 30}), req, as_is);
}

Response model(HandlerContext& ctx, Request& req) {
  auto body = body_of(req);
  if (!body) return problem(body.error(), req.path);
  auto lp = app::plan_model(ctx.db, ctx.actor, *body);
  if (!lp) return problem(lp.error(), req.path);
  Response r{200, "text/plain; charset=utf-8", std::move(*lp), {}};
  r.headers.emplace_back("Content-Disposition", "attachment; filename=\"plan-model.lp\"");
  return r;
}

// The `program` query parameter (a code), the only one these lists take.
Result<std::string> program_of(const Request& req) {
  std::string program;
  for (const auto& [k, v] : req.query) {
    if (k != "program")
      return std::unexpected(Error::invalid("invalid query", {{k, FieldCode::unknown_parameter}}));
    program = v;
  }
  return program;
}

Response list(HandlerContext& ctx, Request& req) {
  auto program = program_of(req);
  if (!program) return problem(program.error(), req.path);
  return reply(app::list_saved_scenarios(ctx.db, ctx.actor, *program), req, as_is);
}

Response create(HandlerContext& ctx, Request& req) {
  auto body = body_of(req);
  if (!body) return problem(body.error(), req.path);
  return reply(app::save_scenario(ctx.db, ctx.actor, *body), req, as_is, 201);
}

Response get(HandlerContext& ctx, Request& req) {
  auto id = path_id(req);
  if (!id) return problem(id.error(), req.path);
  return reply(app::get_saved_scenario(ctx.db, ctx.actor, *id), req, as_is);
}

Response replace(HandlerContext& ctx, Request& req) {
  auto id = path_id(req);
  if (!id) return problem(id.error(), req.path);
  std::int64_t version = 0;
  json scenario;
  auto ok = read_body(req, "invalid scenario", [&](app::JsonReader& r) {
    version = r.integer("version", true).value_or(0);
    if (const json* s = r.object("scenario", true)) scenario = *s;
  });
  if (!ok) return problem(ok.error(), req.path);
  return reply(app::replace_scenario(ctx.db, ctx.actor, *id, version, scenario), req, as_is);
}

Response project_entry(HandlerContext& ctx, Request& req) {
  auto id = path_id(req);
  if (!id) return problem(id.error(), req.path);
  return reply(app::project_plan_entry(ctx.db, ctx.actor, *id), req, as_is);
}

Response decide(HandlerContext& ctx, Request& req) {
  auto body = body_of(req);
  if (!body) return problem(body.error(), req.path);
  auto in = app::decision_from_json(*body);
  if (!in) return problem(in.error(), req.path);
  return reply(app::approve_scenario(ctx.db, ctx.actor, *in), req, as_is, 201);
}

Response adjust(HandlerContext& ctx, Request& req) {
  auto body = body_of(req);
  if (!body) return problem(body.error(), req.path);
  auto in = app::adjustment_from_json(*body);
  if (!in) return problem(in.error(), req.path);
  return reply(app::adjust_plan(ctx.db, ctx.actor, *in), req, as_is, 201);
}

Response split(HandlerContext& ctx, Request& req) {
  auto id = path_id(req);
  if (!id) return problem(id.error(), req.path);
  auto body = body_of(req);
  if (!body) return problem(body.error(), req.path);
  return reply(app::split_group_project(ctx.db, ctx.actor, *id, *body), req, as_is, 201);
}

Response appendix(HandlerContext& ctx, Request& req) {
  auto id = path_id(req);
  if (!id) return problem(id.error(), req.path);
  return formatted_file(
      req, "xlsx", "csv", [&](const std::string& format, const std::string& path) {
        return app::export_decision_appendix(ctx.db, ctx.actor, *id, format, path);
      });
}

Response document(HandlerContext& ctx, Request& req) {
  auto id = path_id(req);
  if (!id) return problem(id.error(), req.path);
  return formatted_file(
      req, "pdf", "docx", [&](const std::string& format, const std::string& path) {
        return app::export_decision_document(ctx.db, ctx.actor, *id, format, path);
      });
}

Response decisions(HandlerContext& ctx, Request& req) {
  auto program = program_of(req);
  if (!program) return problem(program.error(), req.path);
  return reply(app::list_plan_decisions(ctx.db, ctx.actor, *program), req, as_is);
}

Response released(HandlerContext& ctx, Request& req) {
  auto program = program_of(req);
  if (!program) return problem(program.error(), req.path);
  return reply(app::released_json(ctx.db, ctx.actor, *program), req, as_is);
}

Response rollup(HandlerContext& ctx, Request& req) {
  int bounds[2] = {2000, 2100};  // every year unless narrowed
  for (const auto& [k, v] : req.query) {
    if (k != "from" && k != "to")
      return problem(Error::invalid("invalid query", {{k, FieldCode::unknown_parameter}}),
                     req.path);
    int& year = bounds[k == "to"];
    auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), year);
    if (ec != std::errc{} || p != v.data() + v.size())
      return problem(Error::invalid("invalid query", {{k, FieldCode::not_integer}}), req.path);
  }
  return reply(app::plan_rollup(ctx.db, ctx.actor, bounds[0], bounds[1]), req, as_is);
}

Response compare(HandlerContext& ctx, Request& req) {
  std::vector<std::int64_t> ids;
  for (const auto& [k, v] : req.query) {
    if (k != "ids")
      return problem(Error::invalid("invalid query", {{k, FieldCode::unknown_parameter}}),
                     req.path);
    std::size_t at = 0;
    while (at <= v.size()) {
      auto comma = v.find(',', at);
      if (comma == std::string::npos) comma = v.size();
      std::int64_t id = 0;
      auto [p, ec] = std::from_chars(v.data() + at, v.data() + comma, id);
      if (ec != std::errc{} || p != v.data() + comma || id <= 0)
        return problem(Error::invalid("invalid query", {{"ids", FieldCode::id_list_format}}),
                       req.path);
      ids.push_back(id);
      at = comma + 1;
    }
  }
  return reply(app::compare_scenarios(ctx.db, ctx.actor, ids), req, as_is);
}

}  // namespace

void add_plan_routes(std::vector<Route>& t) {
  auto R = Permission::read_plans, B = Permission::build_plans;
  t.push_back({"POST", "/api/v1/plans/solve",
               "Solve a scenario: the exact allocation, explanations, baselines", B, solve, false,
               true});
  t.push_back({"POST", "/api/v1/plans/model",
               "The scenario's model as an LP file (for cbc or glpsol)", B, model, false, true});
  t.push_back(
      {"GET", "/api/v1/plans/scenarios", "Saved scenarios with their headline", R, list, true});
  t.push_back(
      {"POST", "/api/v1/plans/scenarios", "Solve and save a scenario", B, create, false, true});
  t.push_back(
      {"GET", "/api/v1/plans/scenarios/{id}", "A saved scenario with its result", R, get, true});
  t.push_back({"PUT", "/api/v1/plans/scenarios/{id}", "Change a saved scenario and re-solve it", B,
               replace, false, true});
  t.push_back({"POST", "/api/v1/plans/decisions",
               "Approve a saved scenario as a plan decision (number, date, signer)",
               Permission::decide_plans, decide});
  t.push_back({"POST", "/api/v1/plans/adjustments",
               "An adjustment decision: projects' new amounts (0 takes one out), with its reason",
               Permission::decide_plans, adjust});
  t.push_back({"POST", "/api/v1/projects/{id}/split",
               "A letter splitting a group project's amount among its beneficiary facilities", B,
               split});
  t.push_back({"GET", "/api/v1/plans/decisions",
               "A program's decisions (each item's amount before and after) and its books", R,
               decisions, true});
  t.push_back({"GET", "/api/v1/plans/released",
               "What ended contracts left unused in a program's plan (?program=CODE): per "
               "project its amount, what it used and what an adjustment may give to others",
               R, released, true});
  t.push_back({"GET", "/api/v1/plans/decisions/{id}/appendix",
               "The decision's appendix as XLSX (or ?format=csv): projects by implementing unit, "
               "triệu đồng, subtotals and the total",
               R, appendix, false, true});
  t.push_back({"GET", "/api/v1/plans/decisions/{id}/document",
               "The decision as a document (NĐ 30/2020 layout, with its appendix): PDF, or "
               "?format=docx to edit",
               R, document, false, true});
  t.push_back({"GET", "/api/v1/projects/{id}/plan",
               "Why (not) us: the proposal in the latest saved scenario of its program, and its "
               "original and current amount with the decisions behind them",
               R, project_entry, true});
  t.push_back({"GET", "/api/v1/plans/rollup",
               "National and local plans rolled up by year, content and region (?from=&to=)", R,
               rollup, true});
  t.push_back({"GET", "/api/v1/plans/compare",
               "Saved scenarios side by side: by content, province and region, the proposals "
               "that differ",
               R, compare, true});
}

}  // namespace kc::http

// The register's routes and their handlers. Handlers are thin: read the request, call app/
// with the acting user, encode the result. The permission each route needs is checked by
// dispatch() before the handler runs; app/ checks it again and applies the user's scope.
#include <algorithm>
#include <cstdio>

#include "app/codec.h"
#include "app/exports.h"
#include "app/project_sheet.h"
#include "app/projects.h"
#include "app/reference.h"
#include "app/register.h"
#include "http/reply.h"
#include "store/embedded.h"

namespace kc::http {
namespace {

using app::json;
using app::Permission;

// GET list / GET one / POST create / PUT update for one register entity.
template <class T>
struct Crud {
  Result<Page<T>> (*list)(store::Connection&, const app::Actor&, ListQuery);
  Result<T> (*get)(store::Connection&, const app::Actor&, std::int64_t);
  Result<T> (*create)(store::Connection&, const app::Actor&, const T&);
  Result<T> (*update)(store::Connection&, const app::Actor&, const T&, const std::string&);
  Result<T> (*from_json)(const json&, bool);
};

template <class T>
json encode(const T& x) {
  return app::to_json(x);
}

template <class T>
Handler list_handler(Crud<T> c) {
  return [c](HandlerContext& ctx, Request& req) {
    auto q = app::list_query_from(req.query);
    if (!q) return problem(q.error(), req.path);
    return reply(c.list(ctx.db, ctx.actor, *q), req,
                 [](const auto& p) { return app::page_json(p, encode<T>); });
  };
}

template <class T>
Handler get_handler(Crud<T> c) {
  return [c](HandlerContext& ctx, Request& req) {
    auto id = path_id(req);
    if (!id) return problem(id.error(), req.path);
    return reply(c.get(ctx.db, ctx.actor, *id), req, encode<T>);
  };
}

template <class T>
Handler create_handler(Crud<T> c) {
  return [c](HandlerContext& ctx, Request& req) {
    auto body = body_of(req);
    if (!body) return problem(body.error(), req.path);
    auto value = c.from_json(*body, false);
    if (!value) return problem(value.error(), req.path);
    return reply(c.create(ctx.db, ctx.actor, *value), req, encode<T>, 201);
  };
}

template <class T>
Handler update_handler(Crud<T> c) {
  return [c](HandlerContext& ctx, Request& req) {
    auto id = path_id(req);
    if (!id) return problem(id.error(), req.path);
    auto body = body_of(req);
    if (!body) return problem(body.error(), req.path);
    // `reason` (optional) is about the change, not the record: it goes to the audit row.
    std::vector<FieldError> errors;
    std::string reason;
    {
      app::JsonReader r(*body, "", errors);
      reason = r.text("reason", false);
    }
    body->erase("reason");
    if (!errors.empty()) return problem(Error::invalid("invalid reason", errors), req.path);
    auto value = c.from_json(*body, true);
    if (!value) return problem(value.error(), req.path);
    value->id = *id;
    return reply(c.update(ctx.db, ctx.actor, *value, reason), req, encode<T>);
  };
}

template <class T>
void add_crud(std::vector<Route>& t, const std::string& base, const std::string& what,
              Permission read, Permission write, Crud<T> c) {
  t.push_back({"GET", base, "List " + what + " with filters, sorting and paging", read,
               list_handler(c), true});
  t.push_back({"POST", base, "Create", write, create_handler(c)});
  t.push_back({"GET", base + "/{id}", "Read one", read, get_handler(c), true});
  t.push_back({"PUT", base + "/{id}", "Update (send the version read; 409 when stale)", write,
               update_handler(c)});
}

Response list_projects(HandlerContext& ctx, Request& req) {
  auto q = app::list_query_from(req.query);
  if (!q) return problem(q.error(), req.path);
  return reply(app::list_projects(ctx.db, ctx.actor, *q), req,
               [](const auto& p) { return app::page_json(p, encode<ProjectListItem>); });
}

Response cancel_project(HandlerContext& ctx, Request& req) {
  auto id = path_id(req);
  if (!id) return problem(id.error(), req.path);
  auto body = body_of(req);
  if (!body) return problem(body.error(), req.path);
  std::vector<FieldError> errors;
  app::JsonReader r(*body, "", errors);
  auto version = r.integer("version", true);
  std::string reason = r.text("reason", false);
  r.finish();
  if (!errors.empty()) return problem(Error::invalid("invalid cancel request", errors), req.path);
  return reply(app::cancel_project(ctx.db, ctx.actor, *id, *version, reason), req, encode<Project>);
}

Response project_stats(HandlerContext& ctx, Request& req) {
  auto q = app::list_query_from(req.query);
  if (!q) return problem(q.error(), req.path);
  return reply(app::project_statistics(ctx.db, ctx.actor, *q), req,
               [](const json& j) { return j; });
}

Response export_projects(HandlerContext& ctx, Request& req) {
  std::string format = "csv", layout = "data";
  if (auto it = req.query.find("format"); it != req.query.end()) {
    format = it->second;
    req.query.erase(it);
  }
  if (auto it = req.query.find("layout"); it != req.query.end()) {
    layout = it->second;
    req.query.erase(it);
  }
  auto q = app::list_query_from(req.query);
  if (!q) return problem(q.error(), req.path);
  std::string path = app::temporary_export_path(format);
  auto done = app::export_projects(ctx.db, ctx.actor, *q, format, path, {}, layout);
  return file_reply(done, path, req);
}

Response reference(HandlerContext& ctx, Request& req) {
  return reply(app::list_reference(ctx.db, req.path_params.at("name")), req,
               [](const json& j) { return j; });
}

Response openapi(HandlerContext&, Request&) {
  auto doc = embedded::find("openapi.json");
  return {200, "application/json", std::string(doc.value_or("{}")), {}};
}

Response project_sheet(HandlerContext& ctx, Request& req) {
  auto id = path_id(req);
  if (!id) return problem(id.error(), req.path);
  return formatted_file(req, "pdf", "docx",
                        [&](const std::string& format, const std::string& path) {
                          return app::export_project_sheet(ctx.db, ctx.actor, *id, format, path);
                        });
}

}  // namespace

void add_register_routes(std::vector<Route>& t) {
  t.push_back({"GET", "/api/v1/openapi.json", "This OpenAPI document", Permission::public_read,
               openapi, true});
  t.push_back({"GET", "/api/v1/reference/{name}",
               "A reference list (regions, provinces, contents, ...)", Permission::public_read,
               reference, true});
  add_crud<Program>(t, "/api/v1/programs", "programs", Permission::read_programs,
                    Permission::write_programs,
                    {app::list_programs, app::get_program, app::create_program, app::update_program,
                     app::program_from_json});
  add_crud<Organization>(t, "/api/v1/organizations", "organizations", Permission::read_places,
                         Permission::write_places,
                         {app::list_organizations, app::get_organization, app::create_organization,
                          app::update_organization, app::organization_from_json});
  add_crud<Facility>(t, "/api/v1/facilities", "facilities", Permission::read_places,
                     Permission::write_places,
                     {app::list_facilities, app::get_facility, app::create_facility,
                      app::update_facility, app::facility_from_json});
  t.push_back({"GET", "/api/v1/organizations/{id}/history",
               "The organization's audit history: who changed what, when and why",
               Permission::read_places, get_one(app::organization_history)});
  t.push_back({"GET", "/api/v1/facilities/{id}/history",
               "The facility's audit history: who changed what, when and why",
               Permission::read_places, get_one(app::facility_history)});
  Crud<Project> projects{nullptr, app::get_project, app::create_project, app::update_project,
                         app::project_from_json};
  auto R = Permission::read_projects, W = Permission::write_projects;
  t.push_back({"GET", "/api/v1/projects", "List projects with filters, search, sorting and paging",
               R, list_projects, true});
  t.push_back({"POST", "/api/v1/projects", "Create a project", W, create_handler(projects)});
  t.push_back({"GET", "/api/v1/projects/export", "Export the filtered projects as CSV or XLSX", R,
               export_projects, false, true});
  t.push_back(
      {"GET", "/api/v1/projects/stats", "Totals of the filtered projects", R, project_stats, true});
  t.push_back(
      {"GET", "/api/v1/projects/{id}", "Read one project", R, project_view_handler(), true});
  t.push_back({"PUT", "/api/v1/projects/{id}", "Update a project (send the version read)", W,
               update_handler(projects)});
  t.push_back({"POST", "/api/v1/projects/{id}/cancel", "Cancel a project", W, cancel_project});
  t.push_back({"GET", "/api/v1/projects/{id}/history", "The project's audit history", R,
               get_one(app::project_history)});
  t.push_back({"GET", "/api/v1/projects/{id}/sheet",
               "The project's sheet to print or file (phiếu thông tin đề án): ?format=pdf (the "
               "default) or docx",
               R, project_sheet, false, true});
}

const std::vector<Route>& routes() {
  static const std::vector<Route> table = [] {
    std::vector<Route> t;
    add_register_routes(t);
    add_account_routes(t);
    add_job_routes(t);
    add_appraisal_routes(t);
    add_plan_routes(t);
    add_attachment_routes(t);
    add_import_routes(t);
    add_execution_routes(t);
    add_notification_routes(t);
    add_fair_routes(t);
    add_product_routes(t);
    add_cluster_routes(t);
    add_bulletin_routes(t);
    add_petition_routes(t);
    add_chain_routes(t);
    add_selection_routes(t);
    add_report_routes(t);
    for (auto& r : t)
      if (r.method == "GET" &&
          std::ranges::find(facility_free_routes(), r.pattern) != facility_free_routes().end())
        r.reads_facilities = false;
    return t;
  }();
  return table;
}

const std::vector<std::string_view>& facility_free_routes() {
  static const std::vector<std::string_view> kPatterns{
      "/api/v1/projects", "/api/v1/projects/{id}", "/api/v1/projects/stats",
      "/api/v1/programs", "/api/v1/programs/{id}", "/api/v1/reference/{name}"};
  return kPatterns;
}

}  // namespace kc::http

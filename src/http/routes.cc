// The API's routes and their handlers. Handlers are thin: read the request, call app/,
// encode the result. Errors from app/ become problem+json through one function.
#include <charconv>

#include "app/codec.h"
#include "app/exports.h"
#include "app/json_reader.h"
#include "app/projects.h"
#include "app/reference.h"
#include "app/register.h"
#include "http/problem.h"
#include "http/router.h"
#include "store/embedded.h"

namespace kc::http {
namespace {

using app::json;

Response ok(const json& body, int status = 200) {
  return {
      status, "application/json", body.dump(-1, ' ', false, json::error_handler_t::replace), {}};
}

template <class T, class F>
Response reply(const Result<T>& r, const Request& req, F&& encode, int status = 200) {
  if (!r) return problem(r.error(), req.path);
  return ok(encode(*r), status);
}

Result<std::int64_t> path_id(const Request& req) {
  const std::string& s = req.path_params.at("id");
  std::int64_t id = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), id);
  if (ec != std::errc{} || p != s.data() + s.size() || id <= 0)
    return std::unexpected(Error::not_found("no record with id " + s));
  return id;
}

Result<app::json> body_of(const Request& req) {
  auto j = app::parse_body(req.body);
  if (!j) {
    Error e = j.error();
    return std::unexpected(e);
  }
  return j;
}

// Malformed bodies are 400 (the request cannot be read), field errors 422.
Response bad_body(const Error& e, const Request& req) {
  return problem(400, "Bad request", e.message, req.path, e.fields);
}

// GET list / GET one / POST create / PUT update for one register entity.
template <class T>
struct Crud {
  Result<store::Page<T>> (*list)(store::Connection&, const store::ListQuery&);
  Result<T> (*get)(store::Connection&, std::int64_t);
  Result<T> (*create)(store::Connection&, const T&);
  Result<T> (*update)(store::Connection&, const T&);
  Result<T> (*from_json)(const json&, bool);
};

template <class T>
Handler list_handler(Crud<T> c) {
  return [c](HandlerContext& ctx, Request& req) {
    auto q = app::list_query_from(req.query);
    if (!q) return problem(q.error(), req.path);
    auto page = c.list(ctx.db, *q);
    return reply(page, req, [](const auto& p) {
      return app::page_json(p, [](const T& x) { return app::to_json(x); });
    });
  };
}

template <class T>
Handler get_handler(Crud<T> c) {
  return [c](HandlerContext& ctx, Request& req) {
    auto id = path_id(req);
    if (!id) return problem(id.error(), req.path);
    return reply(c.get(ctx.db, *id), req, [](const T& x) { return app::to_json(x); });
  };
}

template <class T>
Handler create_handler(Crud<T> c) {
  return [c](HandlerContext& ctx, Request& req) {
    auto body = body_of(req);
    if (!body) return bad_body(body.error(), req);
    auto value = c.from_json(*body, false);
    if (!value) return problem(value.error(), req.path);
    return reply(
        c.create(ctx.db, *value), req, [](const T& x) { return app::to_json(x); }, 201);
  };
}

template <class T>
Handler update_handler(Crud<T> c) {
  return [c](HandlerContext& ctx, Request& req) {
    auto id = path_id(req);
    if (!id) return problem(id.error(), req.path);
    auto body = body_of(req);
    if (!body) return bad_body(body.error(), req);
    auto value = c.from_json(*body, true);
    if (!value) return problem(value.error(), req.path);
    value->id = *id;
    return reply(c.update(ctx.db, *value), req, [](const T& x) { return app::to_json(x); });
  };
}

template <class T>
void add_crud(std::vector<Route>& t, const std::string& base, const std::string& what, Crud<T> c) {
  t.push_back({"GET", base, "List " + what + " with filters, sorting and paging", list_handler(c)});
  t.push_back({"POST", base, "Create a " + what.substr(0, what.size() - 1), create_handler(c)});
  t.push_back({"GET", base + "/{id}", "Read one", get_handler(c)});
  t.push_back(
      {"PUT", base + "/{id}", "Update (send the version read; 409 when stale)", update_handler(c)});
}

Response list_projects(HandlerContext& ctx, Request& req) {
  auto q = app::list_query_from(req.query);
  if (!q) return problem(q.error(), req.path);
  return reply(app::list_projects(ctx.db, *q), req, [](const auto& p) {
    return app::page_json(p, [](const store::ProjectListItem& x) { return app::to_json(x); });
  });
}

Response cancel_project(HandlerContext& ctx, Request& req) {
  auto id = path_id(req);
  if (!id) return problem(id.error(), req.path);
  auto body = body_of(req);
  if (!body) return bad_body(body.error(), req);
  std::vector<FieldError> errors;
  app::JsonReader r(*body, "", errors);
  auto version = r.integer("version", true);
  r.ignore("reason");
  r.finish();
  if (!errors.empty()) return problem(Error::invalid("invalid cancel request", errors), req.path);
  return reply(app::cancel_project(ctx.db, *id, *version), req,
               [](const Project& p) { return app::to_json(p); });
}

Response project_stats(HandlerContext& ctx, Request& req) {
  auto q = app::list_query_from(req.query);
  if (!q) return problem(q.error(), req.path);
  return reply(app::project_statistics(ctx.db, *q), req, [](const json& j) { return j; });
}

Response export_projects(HandlerContext& ctx, Request& req) {
  std::string format = "csv";
  if (auto it = req.query.find("format"); it != req.query.end()) {
    format = it->second;
    req.query.erase(it);
  }
  auto q = app::list_query_from(req.query);
  if (!q) return problem(q.error(), req.path);
  auto file = app::export_projects_bytes(ctx.db, *q, format);
  if (!file) return problem(file.error(), req.path);
  Response r{200, file->content_type, std::move(file->bytes), {}};
  r.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + file->file_name + "\"");
  return r;
}

Response reference(HandlerContext& ctx, Request& req) {
  return reply(app::list_reference(ctx.db, req.path_params.at("name")), req,
               [](const json& j) { return j; });
}

Response openapi(HandlerContext&, Request&) {
  auto doc = embedded::find("openapi.json");
  return {200, "application/json", std::string(doc.value_or("{}")), {}};
}

std::vector<Route> build() {
  std::vector<Route> t;
  t.push_back({"GET", "/api/v1/openapi.json", "This OpenAPI document", openapi});
  t.push_back({"GET", "/api/v1/reference/{name}",
               "A reference list (regions, provinces, contents, ...)", reference});
  add_crud<Program>(t, "/api/v1/programs", "programs",
                    {app::list_programs, app::get_program, app::create_program, app::update_program,
                     app::program_from_json});
  add_crud<Organization>(t, "/api/v1/organizations", "organizations",
                         {app::list_organizations, app::get_organization, app::create_organization,
                          app::update_organization, app::organization_from_json});
  add_crud<Facility>(t, "/api/v1/facilities", "facilities",
                     {app::list_facilities, app::get_facility, app::create_facility,
                      app::update_facility, app::facility_from_json});
  Crud<Project> projects{nullptr, app::get_project, app::create_project, app::update_project,
                         app::project_from_json};
  t.push_back({"GET", "/api/v1/projects", "List projects with filters, search, sorting and paging",
               list_projects});
  t.push_back({"POST", "/api/v1/projects", "Create a project", create_handler(projects)});
  t.push_back({"GET", "/api/v1/projects/export", "Export the filtered projects as CSV or XLSX",
               export_projects});
  t.push_back({"GET", "/api/v1/projects/stats", "Totals of the filtered projects", project_stats});
  t.push_back({"GET", "/api/v1/projects/{id}", "Read one project", get_handler(projects)});
  t.push_back({"PUT", "/api/v1/projects/{id}", "Update a project (send the version read)",
               update_handler(projects)});
  t.push_back({"POST", "/api/v1/projects/{id}/cancel", "Cancel a project", cancel_project});
  return t;
}

}  // namespace

const std::vector<Route>& routes() {
  static const std::vector<Route> table = build();
  return table;
}

}  // namespace kc::http

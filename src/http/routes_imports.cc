// Imports from the UI: the file's bytes as the body, its name in ?name= (its extension gives
// the format), ?check=true to check every row and keep nothing (app/imports.h).
#include "app/imports.h"
#include "http/reply.h"

namespace kc::http {
namespace {

using app::Permission;
using nlohmann::json;

Response import(HandlerContext& ctx, Request& req, app::ImportKind kind) {
  auto name = req.query.find("name");
  auto check = req.query.find("check");
  std::vector<FieldError> errors;
  if (name == req.query.end() || name->second.empty())
    errors.push_back({"name", FieldCode::required});
  if (check != req.query.end() && check->second != "true" && check->second != "false")
    errors.push_back({"check", FieldCode::one_of, {{"allowed", "true, false"}}});
  if (!errors.empty()) return problem(Error::invalid("invalid query", errors), req.path);
  bool checking = check != req.query.end() && check->second == "true";
  return reply(
      app::import_upload(ctx.db, ctx.actor, kind, name->second, req.body, checking), req,
      [](const json& j) { return j; }, checking ? 200 : 201);
}

}  // namespace

void add_import_routes(std::vector<Route>& t) {
  using app::ImportKind;
  const char* how =
      ": the file's bytes as the body (CSV, XLSX or XLS), ?name= its name, ?check=true to check "
      "every row and keep nothing; all rows or none";
  for (auto [kind, permission] : {std::pair{ImportKind::projects, Permission::write_projects},
                                  std::pair{ImportKind::organizations, Permission::write_places},
                                  std::pair{ImportKind::facilities, Permission::write_places},
                                  std::pair{ImportKind::clusters, Permission::manage_clusters}}) {
    std::string name = app::kind_name(kind);
    t.push_back({"POST", "/api/v1/imports/" + name, "Import " + name + how, permission,
                 [kind](HandlerContext& ctx, Request& req) { return import(ctx, req, kind); },
                 false, true, true});
  }
}

}  // namespace kc::http

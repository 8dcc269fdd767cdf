// A proposal's dossier: its written part (texts, milestones, cost items) read and written
// whole, and its attachments: upload (the file's bytes as the body, its name in ?name=),
// list, download, remove.
#include "app/attachments.h"
#include "app/dossiers.h"
#include "app/projects.h"
#include "domain/text.h"
#include "http/reply.h"

#include <cctype>

namespace kc::http {
namespace {

using app::Permission;
using nlohmann::json;

const auto same = [](const json& j) { return j; };

// RFC 5987: the file's own (UTF-8) name for the browser to save it under.
std::string disposition(const std::string& name) {
  return "attachment; filename*=UTF-8''" + percent_encode(name);
}

Response upload(HandlerContext& ctx, Request& req) {
  auto id = path_id(req);
  if (!id) return problem(id.error(), req.path);
  auto it = req.query.find("name");
  std::string name = it == req.query.end() ? "" : it->second;
  return reply(app::add_attachment(ctx.db, ctx.actor, ctx.files, *id, name, req.body), req, same,
               201);
}

Response list(HandlerContext& ctx, Request& req) {
  auto id = path_id(req);
  if (!id) return problem(id.error(), req.path);
  return reply(app::list_attachments(ctx.db, ctx.actor, *id), req, same);
}

Response download(HandlerContext& ctx, Request& req) {
  auto id = path_id(req);
  auto file = path_number(req, "file");
  if (!id || !file) return problem((!id ? id : file).error(), req.path);
  auto at = app::find_attachment(ctx.db, ctx.actor, *id, *file);
  if (!at) return problem(at.error(), req.path);
  auto r = stored_file(ctx.files, at->sha256, app::content_type_of(at->kind));
  if (!r) return problem(r.error(), req.path);
  r->headers.emplace_back("Content-Disposition", disposition(at->name));
  return *r;
}

Response remove(HandlerContext& ctx, Request& req) {
  auto id = path_id(req);
  auto file = path_number(req, "file");
  if (!id || !file) return problem((!id ? id : file).error(), req.path);
  auto done = app::remove_attachment(ctx.db, ctx.actor, *id, *file);
  if (!done) return problem(done.error(), req.path);
  return {204, "application/json", "", {}};
}

Response dossier(HandlerContext& ctx, Request& req) {
  auto id = path_id(req);
  if (!id) return problem(id.error(), req.path);
  return reply(app::get_dossier(ctx.db, ctx.actor, *id), req, same);
}

Response put_dossier(HandlerContext& ctx, Request& req) {
  auto id = path_id(req);
  if (!id) return problem(id.error(), req.path);
  // A project outside the user's scope is not found, whatever the body says.
  if (auto seen = app::get_project(ctx.db, ctx.actor, *id); !seen)
    return problem(seen.error(), req.path);
  auto body = body_of(req);
  if (!body) return problem(body.error(), req.path);
  std::int64_t version = 0;
  std::string reason;
  auto d = app::dossier_from_json(*body, version, reason);
  if (!d) return problem(d.error(), req.path);
  d->project_id = *id;
  return reply(app::put_dossier(ctx.db, ctx.actor, std::move(*d), version, reason), req, same);
}

}  // namespace

void add_attachment_routes(std::vector<Route>& t) {
  auto R = Permission::read_projects, W = Permission::write_projects;
  t.push_back({"GET", "/api/v1/projects/{id}/dossier",
               "The proposal's written dossier: texts, milestones, cost items and their sums", R,
               dossier, true});
  t.push_back({"PUT", "/api/v1/projects/{id}/dossier",
               "Write the proposal's dossier whole (send the project's version read); itemized "
               "costs set the project's amounts",
               W, put_dossier});
  t.push_back({"POST", "/api/v1/projects/{id}/attachments",
               "Attach a file to the proposal's dossier: its bytes as the body, ?name= its name "
               "(PDF, DOCX, XLSX, JPEG or PNG, sniffed from the bytes)",
               W, upload, false, false, true});
  t.push_back(
      {"GET", "/api/v1/projects/{id}/attachments", "The proposal's attachments", R, list, true});
  t.push_back(
      {"GET", "/api/v1/projects/{id}/attachments/{file}", "Download an attachment", R, download});
  t.push_back({"DELETE", "/api/v1/projects/{id}/attachments/{file}",
               "Remove an attachment from the dossier", W, remove});
}

}  // namespace kc::http

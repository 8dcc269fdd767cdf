#pragma once
// Turning use-case results into responses, shared by the route files.
#include <charconv>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "app/codec.h"
#include "app/exports.h"
#include "app/json_reader.h"
#include "http/problem.h"
#include "http/router.h"
#include "store/files.h"

namespace kc::http {

inline Response json_response(const nlohmann::json& body, int status = 200) {
  return {status,
          "application/json",
          body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
          {}};
}

// The result encoded with `encode`, or its error as problem+json.
// The encoder of a reply whose use case already gives the JSON to send.
inline const nlohmann::json& as_is(const nlohmann::json& j) {
  return j;
}

template <class T, class F>
Response reply(const Result<T>& r, const Request& req, F&& encode, int status = 200) {
  if (!r) return problem(r.error(), req.path);
  return json_response(encode(*r), status);
}

// A numeric path parameter ("id", "project"); a malformed one is simply not found.
inline Result<std::int64_t> path_number(const Request& req, const char* name) {
  const std::string& s = req.path_params.at(name);
  std::int64_t id = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), id);
  if (ec != std::errc{} || p != s.data() + s.size() || id <= 0)
    return std::unexpected(Error::not_found("no record with id " + s));
  return id;
}
inline Result<std::int64_t> path_id(const Request& req) {
  return path_number(req, "id");
}

// The body as a JSON object; a body that cannot be read is a 400 (not 422).
inline Result<nlohmann::json> body_of(const Request& req) {
  return app::parse_body(req.body);
}

// Reads the request's JSON body field by field: `read` takes what it needs from the reader; a
// field it did not take, or any field error, makes the whole body a 422 titled `what`.
template <class Read>
Status read_body(const Request& req, const char* what, Read&& read) {
  auto body = body_of(req);
  if (!body) return std::unexpected(body.error());
  std::vector<FieldError> errors;
  app::JsonReader r(*body, "", errors);
  read(r);
  r.finish();
  if (!errors.empty()) return std::unexpected(Error::invalid(what, errors));
  return {};
}

// A file written to `path` by an export use case, streamed as a download (then removed); on an
// error the file is removed and the error answered as problem+json.
inline Response file_reply(const Result<app::ExportResult>& done, const std::string& path,
                           const Request& req) {
  if (!done) {
    std::remove(path.c_str());
    return problem(done.error(), req.path);
  }
  Response r{200, done->content_type, "", {}};
  r.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + done->file_name + "\"");
  r.file = path;  // streamed from disk by the server, then removed
  return r;
}

// A file in the format ?format= names (`usual` when absent), written by `write(format, path)`
// to a temporary path with the extension of `other` when asked for it, else of `usual` (the use
// case refuses a format it does not write, naming the field).
template <class W>
Response formatted_file(const Request& req, const std::string& usual, const std::string& other,
                        W&& write) {
  std::string format = usual;
  if (auto it = req.query.find("format"); it != req.query.end()) format = it->second;
  std::string path = app::temporary_export_path(format == other ? other : usual);
  return file_reply(write(format, path), path, req);
}

// A GET of a list: the query's filters, sorting and paging (app::list_query_from), answered
// with the page its use case gives.
inline Handler list_of(Result<nlohmann::json> (*use)(store::Connection&, const app::Actor&,
                                                     ListQuery)) {
  return [use](HandlerContext& ctx, Request& req) {
    auto q = app::list_query_from(req.query);
    if (!q) return problem(q.error(), req.path);
    return reply(use(ctx.db, ctx.actor, *q), req, as_is);
  };
}

// A POST that creates a record from a JSON body: 201 with the use case's JSON.
inline Handler create_with(Result<nlohmann::json> (*use)(store::Connection&, const app::Actor&,
                                                         const nlohmann::json&)) {
  return [use](HandlerContext& ctx, Request& req) {
    auto body = body_of(req);
    if (!body) return problem(body.error(), req.path);
    return reply(use(ctx.db, ctx.actor, *body), req, as_is, 201);
  };
}

// A GET of one record ({id}) answered with the JSON its use case gives.
inline Handler get_one(Result<nlohmann::json> (*use)(store::Connection&, const app::Actor&,
                                                     std::int64_t)) {
  return [use](HandlerContext& ctx, Request& req) {
    auto id = path_id(req);
    if (!id) return problem(id.error(), req.path);
    return reply(use(ctx.db, ctx.actor, *id), req, as_is);
  };
}

// A POST or PUT to one record ({id}) with a JSON body, answered with the use case's JSON.
inline Handler post_to(Result<nlohmann::json> (*use)(store::Connection&, const app::Actor&,
                                                     std::int64_t, const nlohmann::json&),
                       int status = 200) {
  return [use, status](HandlerContext& ctx, Request& req) {
    auto id = path_id(req);
    if (!id) return problem(id.error(), req.path);
    auto body = body_of(req);
    if (!body) return problem(body.error(), req.path);
    return reply(use(ctx.db, ctx.actor, *id, *body), req, as_is, status);
  };
}

// A stored file (store/files.h: an attachment, a photo) sent from disk as the body and never
// removed; an internal error when its bytes are missing.
inline Result<Response> stored_file(const std::string& files, const std::string& sha256,
                                    std::string content_type) {
  auto path = store::file_path(files, sha256);
  if (!path) return std::unexpected(Error::internal("a stored file is missing: " + sha256));
  Response r{200, std::move(content_type), "", {}};
  r.file = *path;
  r.keep_file = true;
  return r;
}

// The route files; routes() concatenates them.
void add_register_routes(std::vector<Route>& table);
void add_report_routes(std::vector<Route>& table);
void add_account_routes(std::vector<Route>& table);
void add_job_routes(std::vector<Route>& table);
void add_appraisal_routes(std::vector<Route>& table);
void add_plan_routes(std::vector<Route>& table);
void add_attachment_routes(std::vector<Route>& table);
void add_import_routes(std::vector<Route>& table);
void add_execution_routes(std::vector<Route>& table);
void add_notification_routes(std::vector<Route>& table);
void add_fair_routes(std::vector<Route>& table);
void add_product_routes(std::vector<Route>& table);
void add_cluster_routes(std::vector<Route>& table);
void add_bulletin_routes(std::vector<Route>& table);
void add_petition_routes(std::vector<Route>& table);
void add_chain_routes(std::vector<Route>& table);
void add_selection_routes(std::vector<Route>& table);
// GET of one project as its reader sees it (with may_edit and actions).
Handler project_view_handler();

}  // namespace kc::http

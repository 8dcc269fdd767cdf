// The bulletin's articles and photos for its editors (app/bulletin.h); the public pages are
// in routes_site.cc.
#include "app/bulletin.h"
#include "app/codec.h"
#include "http/reply.h"

namespace kc::http {
namespace {

using app::Permission;

Response preview(HandlerContext& ctx, Request& req) {
  auto body = body_of(req);
  if (!body) return problem(body.error(), req.path);
  return reply(app::preview_article(ctx.actor, *body), req, as_is);
}

Response upload(HandlerContext& ctx, Request& req) {
  auto id = path_id(req);
  if (!id) return problem(id.error(), req.path);
  auto it = req.query.find("caption");
  std::string caption = it == req.query.end() ? "" : it->second;
  return reply(app::add_article_image(ctx.db, ctx.actor, ctx.files, *id, caption, req.body), req,
               as_is, 201);
}

Response download(HandlerContext& ctx, Request& req) {
  auto id = path_id(req);
  if (!id) return problem(id.error(), req.path);
  auto img = app::readable_image(ctx.db, ctx.actor, *id);
  if (!img) return problem(img.error(), req.path);
  auto r = stored_file(ctx.files, img->sha256, app::image_content_type(*img));
  return r ? *r : problem(r.error(), req.path);
}

}  // namespace

void add_bulletin_routes(std::vector<Route>& t) {
  auto W = Permission::edit_bulletin;
  t.push_back({"GET", "/api/v1/articles",
               "The bulletin's articles, drafts and scheduled ones included (status, q, sort)", W,
               list_of(app::list_articles), true});
  t.push_back({"POST", "/api/v1/articles",
               "Write an article (a draft, or published now or at publish_at)", W,
               create_with(app::create_article)});
  t.push_back({"POST", "/api/v1/articles/preview",
               "The Markdown body rendered as the public would see it, sanitized; nothing saved", W,
               preview});
  t.push_back({"GET", "/api/v1/articles/{id}", "One article with its rendered body and photos", W,
               get_one(app::article_json), true});
  t.push_back({"PUT", "/api/v1/articles/{id}",
               "Change, schedule, publish or withdraw an article (send the version read)", W,
               post_to(app::update_article)});
  t.push_back({"POST", "/api/v1/articles/{id}/images",
               "Add a photo: its bytes as the body (JPEG or PNG, sniffed), ?caption= its caption; "
               "at most the dated setting article_image_max_bytes",
               W, upload, false, false, true});
  t.push_back(
      {"GET", "/api/v1/article-images/{id}", "A photo's bytes (editors: any photo)", W, download});
}

}  // namespace kc::http

// The public site (site/pages.h): the bulletin's pages as HTML at the site's root, its feeds,
// and its photos; every other old path of the application redirects under /app/.
#include <ctime>

#include "app/bulletin.h"
#include "app/reference.h"
#include "domain/text.h"
#include "http/reply.h"
#include "site/pages.h"

namespace kc::http {
namespace {

using app::Permission;

Response html(int status, std::string body) {
  return {status, "text/html; charset=utf-8", std::move(body), {}};
}

std::string base_of(const HandlerContext& ctx) {
  std::string url = ctx.public_url;
  while (url.ends_with('/')) url.pop_back();
  return url;
}

// A page's answer: 200 with its HTML, the not-found page for a missing record, else a 500
// (the access log records it).
Response page_reply(const HandlerContext& ctx, const Result<std::string>& page,
                    const char* type = "text/html; charset=utf-8") {
  if (page) return {200, type, *page, {}};
  if (page.error().kind == ErrorKind::not_found)
    return html(404, site::not_found_page(base_of(ctx)));
  return html(500,
              "<!doctype html><html lang=\"vi\"><title>Lỗi</title><h1>Hệ thống đang gặp "
              "lỗi, xin thử lại sau.</h1></html>");
}

template <class F>
Handler page_of(F&& render) {
  return [render](HandlerContext& ctx, Request& req) { return page_reply(ctx, render(ctx, req)); };
}

Response photo(HandlerContext& ctx, Request& req) {
  auto id = path_id(req);
  if (!id) return html(404, site::not_found_page(base_of(ctx)));
  auto img = app::readable_image(ctx.db, ctx.actor, *id);
  if (!img) return page_reply(ctx, std::unexpected(img.error()));
  auto r = stored_file(ctx.files, img->sha256, app::image_content_type(*img));
  if (!r) return page_reply(ctx, std::unexpected(r.error()));
  r->headers.emplace_back("Cache-Control", "public, max-age=86400");
  return *r;
}

// Path and query back as a target, for a redirect.
std::string target_of(const std::string& path, const std::map<std::string, std::string>& query) {
  std::string t = percent_encode(path, true);
  char sep = '?';
  for (const auto& [k, v] : query) {
    t += sep + percent_encode(k) + "=" + percent_encode(v);
    sep = '&';
  }
  return t;
}

bool clean_path(const std::string& p) {
  return p.find("..") == std::string::npos && p.find('\\') == std::string::npos &&
         p.find('\0') == std::string::npos && p.find("//") == std::string::npos;
}

std::string query_value(const Request& req, const char* key) {
  auto it = req.query.find(key);
  return it == req.query.end() ? std::string() : it->second;
}

}  // namespace

const std::vector<Route>& site_routes() {
  static const std::vector<Route> kTable = [] {
    auto P = Permission::public_read;
    std::vector<Route> t;
    t.push_back(
        {"GET", "/", "The bulletin's home: latest news, the last closed year's figures", P,
         page_of([](HandlerContext& c, Request&) { return site::home_page(c.db, base_of(c)); }),
         true});
    t.push_back({"GET", "/tin-tuc", "The news, newest first (?trang=N)", P,
                 page_of([](HandlerContext& c, Request& r) {
                   return site::news_page(c.db, r.query, base_of(c));
                 }),
                 true});
    t.push_back({"GET", "/tin-tuc/{slug}", "A published article", P,
                 page_of([](HandlerContext& c, Request& r) {
                   return site::article_page(c.db, r.path_params.at("slug"), base_of(c));
                 }),
                 true});
    t.push_back(
        {"GET", "/thu-vien-anh", "The photo library", P,
         page_of([](HandlerContext& c, Request&) { return site::photos_page(c.db, base_of(c)); }),
         true});
    t.push_back({"GET", "/san-pham-tieu-bieu", "The typical products catalogue (?q=, ?nam=)", P,
                 page_of([](HandlerContext& c, Request& r) {
                   return site::products_page(c.db, r.query, base_of(c));
                 }),
                 true});
    t.push_back({"GET", "/xac-minh", "Certificate verification (?ma=CODE)", P,
                 page_of([](HandlerContext& c, Request& r) {
                   return site::verify_page(c.db, query_value(r, "ma"), base_of(c));
                 })});
    t.push_back({"GET", "/xac-minh/{code}", "A certificate's verification", P,
                 page_of([](HandlerContext& c, Request& r) {
                   return site::verify_page(c.db, r.path_params.at("code"), base_of(c));
                 })});
    t.push_back({"GET", "/ket-qua", "The published plan and results of a closed year (?nam=)", P,
                 page_of([](HandlerContext& c, Request& r) {
                   return site::results_page(c.db, r.query, base_of(c));
                 }),
                 true});
    t.push_back(
        {"GET", "/cum-cong-nghiep", "The industrial clusters on the provinces' map", P,
         page_of([](HandlerContext& c, Request&) { return site::clusters_page(c.db, base_of(c)); }),
         true});
    t.push_back({"GET", "/kien-nghi", "The published answers to localities' petitions", P,
                 page_of([](HandlerContext& c, Request& r) {
                   return site::petitions_page(c.db, r.query, base_of(c));
                 }),
                 true});
    t.push_back({"GET", "/rss.xml", "The news as RSS 2.0", P,
                 [](HandlerContext& c, Request&) {
                   return page_reply(c, site::rss(c.db, base_of(c)),
                                     "application/rss+xml; charset=utf-8");
                 },
                 true});
    t.push_back({"GET", "/sitemap.xml", "The public pages for search engines", P,
                 [](HandlerContext& c, Request&) {
                   return page_reply(c, site::sitemap(c.db, base_of(c)),
                                     "application/xml; charset=utf-8");
                 },
                 true});
    t.push_back(
        {"GET", "/robots.txt", "What crawlers may read", P, [](HandlerContext& c, Request&) {
           return Response{200,
                           "text/plain; charset=utf-8",
                           "User-agent: *\nDisallow: /app/\nDisallow: /api/\nSitemap: " +
                               base_of(c) + "/sitemap.xml\n",
                           {}};
         }});
    t.push_back({"GET", "/anh/{id}", "A photo of a published article", P, photo});
    return t;
  }();
  return kTable;
}

Response dispatch_site(HandlerContext& ctx, Request& req) {
  bool path_matched = false;
  const Route* route = match(site_routes(), req, path_matched);
  if (!route) {
    if (!clean_path(req.path)) return html(404, site::not_found_page(base_of(ctx)));
    // The application's old addresses (before it moved under /app/).
    Response r{301, "text/plain; charset=utf-8", "moved to /app" + req.path, {}};
    r.headers.emplace_back("Location", "/app" + target_of(req.path, req.query));
    return r;
  }
  req.route = route->pattern;
  // The same policy as the API's, for a reader without a session: the public site never
  // looks at the cookie, so that a page is the same for everyone.
  if (!app::may(app::Actor{}, route->permission))
    return html(403, site::not_found_page(base_of(ctx)));
  try {
    if (route->cacheable && ctx.cache) {
      // Scheduled articles appear when their minute comes, without a write: the minute is
      // part of the key.
      std::time_t now = std::time(nullptr);
      auto version = data_version(ctx, req);
      if (!version) return page_reply(ctx, std::unexpected(version.error()));
      return cached(ctx, req, *route, "public/" + std::to_string(now / 60), *version);
    }
    return route->handler(ctx, req);
  } catch (const std::exception&) {
    return page_reply(ctx, std::unexpected(Error::internal("page failed")));
  }
}

}  // namespace kc::http

#pragma once
// The public bulletin (issue 14): articles that the department's editors write in Markdown,
// preview, schedule and publish, with their photos; and what the public pages read.
//   article: {"title", "summary", "body_md", "slug"? (made from the title when absent: lower
//   case, no diacritics, hyphens; unique), "published"? (false: a draft), "publish_at"? (UTC
//   "YYYY-MM-DDTHH:MM:SSZ"; a published article without one is published now, one with a
//   later time is scheduled), "cover_image_id"? (one of its photos), "version" (updates)}.
//   Its "status" is draft, scheduled or published; "html" is its body rendered and sanitized.
//   photo: a JPEG or PNG (sniffed from the bytes), at most the dated setting
//   `article_image_max_bytes`, with a caption.
// Editors (`edit_bulletin`: the department) read and write every article; the public reads
// only published articles whose time has come, and their photos.
#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>

#include "app/policy.h"
#include "domain/list_query.h"
#include "store/article_repo.h"
#include "store/db.h"

namespace kc::app {

// Editors.
Result<nlohmann::json> list_articles(store::Connection& db, const Actor& a, ListQuery q);
Result<nlohmann::json> article_json(store::Connection& db, const Actor& a, std::int64_t id);
Result<nlohmann::json> create_article(store::Connection& db, const Actor& a,
                                      const nlohmann::json& body);
Result<nlohmann::json> update_article(store::Connection& db, const Actor& a, std::int64_t id,
                                      const nlohmann::json& body);
// {"body_md"} -> {"html"}: the body as the public would see it, nothing saved.
Result<nlohmann::json> preview_article(const Actor& a, const nlohmann::json& body);
Result<nlohmann::json> add_article_image(store::Connection& db, const Actor& a,
                                         const std::string& files, std::int64_t article_id,
                                         const std::string& caption, std::string_view bytes);
// A photo an editor may see (any), or the public (its article is public): not_found otherwise.
Result<store::ArticleImage> readable_image(store::Connection& db, const Actor& a, std::int64_t id);
std::string image_content_type(const store::ArticleImage& img);

// The public side.
struct PublicArticle {
  store::Article article;
  std::string html;  // the body rendered, sanitized
  std::vector<store::ArticleImage> images;
};
Result<PublicArticle> public_article(store::Connection& db, const std::string& slug);
Result<Page<store::Article>> public_articles(store::Connection& db, int page, int page_size);
Result<std::vector<store::ArticleImage>> photo_library(store::Connection& db, int limit);
// The headline figures of the last closed year of the national program (its annual report's
// envelope, projects, completion and outputs), or null when no year is closed.
Result<nlohmann::json> headline_figures(store::Connection& db);
// The published plan and results of a closed year of the national program (`year` 0: the
// last one): {"years": [closed years, newest first], "figures": as headline_figures for that
// year (null when it is not a closed year), "provinces": [{code, name, projects, plan_vnd}]}.
Result<nlohmann::json> published_results(store::Connection& db, int year);
// The register's clusters per province of the 34, for the public map: {"provinces": [{code,
// name, clusters, industrial_land_ha, occupancy_pct}], "totals": {...}}.
Result<nlohmann::json> public_clusters(store::Connection& db);

// "Khuyến công năm 2018: 262 đề án" -> "khuyen-cong-nam-2018-262-de-an" (at most 80 characters).
std::string slug_of(std::string_view title);

}  // namespace kc::app

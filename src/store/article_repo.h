#pragma once
// The public bulletin's articles and their photos (migration 021). Callers run writes inside a
// Transaction; an update matches (id, version). "Public" means published with publish_at at or
// before the time given (ISO 8601 UTC): the store never decides what time it is.
#include <optional>
#include <string>
#include <vector>

#include "domain/list_query.h"
#include "store/db.h"

namespace kc::store {

struct Article {
  std::int64_t id = 0, version = 0, created_by = 0;
  std::string slug, title, summary, body_md;
  bool published = false;
  std::string publish_at;  // ISO 8601 UTC; empty for a draft
  std::optional<std::int64_t> cover_image_id;
  std::string created_at, updated_at;
};

struct ArticleImage {
  std::int64_t id = 0, article_id = 0, size_bytes = 0, created_by = 0;
  std::string sha256, kind, caption, created_at;
  // Read back: the article's slug and title (the photo library links them).
  std::string article_slug, article_title;
};

Result<Article> get_article(Connection& db, std::int64_t id);
// The public article with this slug (not_found when there is none or it is not public yet).
Result<Article> public_article(Connection& db, const std::string& slug, const std::string& now);
Result<std::int64_t> insert_article(Connection& db, const Article& a);
Status update_article(Connection& db, const Article& a);  // a.version: the version read
Result<bool> slug_taken(Connection& db, const std::string& slug, std::int64_t except_id);
// Editors' list: every article; filters q (title, summary), status = draft | scheduled |
// published (against `now`); sort: updated_at (default, newest first), publish_at, title.
Result<Page<Article>> list_articles(Connection& db, const ListQuery& q, const std::string& now);
// The public articles, newest first (the bulletin's pages, its feed and its sitemap).
Result<Page<Article>> public_articles(Connection& db, const std::string& now, int page,
                                      int page_size);

Result<std::int64_t> insert_image(Connection& db, ArticleImage& img);
Result<std::vector<ArticleImage>> article_images(Connection& db, std::int64_t article_id);
// A photo whose article is public (not_found otherwise): what the public may download.
Result<ArticleImage> public_image(Connection& db, std::int64_t id, const std::string& now);
Result<ArticleImage> get_image(Connection& db, std::int64_t id);
// The photos of public articles, newest article first (the photo library).
Result<std::vector<ArticleImage>> public_images(Connection& db, const std::string& now, int limit);

// The latest national program of a year before `before_year` with a plan decision: the year
// whose figures the bulletin's home page shows (nullopt when there is none).
struct ProgramYear {
  std::string code;
  int year = 0;
};
Result<std::optional<ProgramYear>> last_closed_national_program(Connection& db, int before_year);
// Every national program before `before_year` with a plan decision, newest first.
Result<std::vector<ProgramYear>> closed_national_programs(Connection& db, int before_year);

}  // namespace kc::store

#include "store/article_repo.h"

#include "domain/text.h"
#include "store/register_repo.h"
#include "store/sql.h"

namespace kc::store {
namespace {

constexpr const char* kCols =
    "id, slug, title, summary, body_md, published, publish_at, cover_image_id, version, "
    "created_by, created_at, updated_at";
constexpr const char* kPublic = "published = 1 AND publish_at <= ?";

Article article_from(const Row& r) {
  Article a;
  a.id = r.i64(0), a.slug = r.str(1), a.title = r.str(2), a.summary = r.str(3);
  a.body_md = r.str(4), a.published = r.i64(5) != 0, a.publish_at = r.str(6);
  if (!r.is_null(7)) a.cover_image_id = r.i64(7);
  a.version = r.i64(8), a.created_by = r.i64(9), a.created_at = r.str(10);
  a.updated_at = r.str(11);
  return a;
}

std::vector<Value> article_values(const Article& a) {
  return {a.slug,
          a.title,
          a.summary,
          a.body_md,
          std::int64_t{a.published},
          text_or_null(a.publish_at),
          a.cover_image_id ? Value(*a.cover_image_id) : Value(nullptr),
          fold_for_search(a.title + " " + a.summary)};
}

constexpr const char* kImageCols =
    "i.id, i.article_id, i.size_bytes, i.created_by, i.sha256, i.kind, i.caption, i.created_at, "
    "a.slug, a.title";

ArticleImage image_from(const Row& r) {
  return {r.i64(0), r.i64(1), r.i64(2), r.i64(3), r.str(4),
          r.str(5), r.str(6), r.str(7), r.str(8), r.str(9)};
}

Result<std::vector<ArticleImage>> images_where(Connection& db, const std::string& where,
                                               std::vector<Value> params, const std::string& tail) {
  auto rows = db.query(std::string("SELECT ") + kImageCols +
                           " FROM article_images i JOIN articles a ON a.id = i.article_id WHERE " +
                           where + tail,
                       params);
  if (!rows) return std::unexpected(rows.error());
  std::vector<ArticleImage> out;
  out.reserve(rows->size());
  for (const auto& r : *rows) out.push_back(image_from(r));
  return out;
}

Result<ArticleImage> first_image(Result<std::vector<ArticleImage>> found) {
  if (!found) return std::unexpected(found.error());
  if (found->empty()) return std::unexpected(Error::not_found("photo not found"));
  return found->front();
}

}  // namespace

Result<Article> get_article(Connection& db, std::int64_t id) {
  return one_row<Article>(db, std::string("SELECT ") + kCols + " FROM articles WHERE id = ?", {id},
                          "article", article_from);
}

Result<Article> public_article(Connection& db, const std::string& slug, const std::string& now) {
  return one_row<Article>(
      db, std::string("SELECT ") + kCols + " FROM articles WHERE slug = ? AND " + kPublic,
      {slug, now}, "article", article_from);
}

Result<std::int64_t> insert_article(Connection& db, const Article& a) {
  auto v = article_values(a);
  std::string now = now_utc();
  v.insert(v.end(), {a.created_by, now, now});
  return returned_id(db.query(
      "INSERT INTO articles (slug, title, summary, body_md, published, publish_at, "
      "cover_image_id, search_text, version, created_by, created_at, updated_at) VALUES (?, ?, ?, "
      "?, ?, ?, ?, ?, 1, ?, ?, ?) RETURNING id",
      v));
}

Status update_article(Connection& db, const Article& a) {
  auto v = article_values(a);
  v.insert(v.end(), {now_utc(), a.id, a.version});
  return expect_one(db,
                    db.exec("UPDATE articles SET slug = ?, title = ?, summary = ?, body_md = ?, "
                            "published = ?, publish_at = ?, cover_image_id = ?, search_text = ?, "
                            "version = version + 1, updated_at = ? WHERE id = ? AND version = ?",
                            v),
                    "articles", a.id);
}

Result<bool> slug_taken(Connection& db, const std::string& slug, std::int64_t except_id) {
  auto n = db.scalar("SELECT COUNT(*) FROM articles WHERE slug = ? AND id <> ?",
                     std::vector<Value>{slug, except_id});
  if (!n) return std::unexpected(n.error());
  return *n > 0;
}

Result<Page<Article>> list_articles(Connection& db, const ListQuery& q, const std::string& now) {
  Where w;
  if (q.id) w.add("id = ?", {*q.id});
  if (q.status == "draft") w.add("published = 0");
  if (q.status == "scheduled") w.add("published = 1 AND publish_at > ?", {now});
  if (q.status == "published") w.add(kPublic, {now});
  for (auto& pattern : search_patterns(q.q)) w.add("search_text LIKE ? ESCAPE '\\'", {pattern});
  auto rows = fetch_page(
      db, kCols, "articles", w,
      order_by(q, {{"publish_at", "publish_at"}, {"title", "title"}}, "updated_at DESC, id"), q);
  if (!rows) return std::unexpected(rows.error());
  Page<Article> page{{}, rows->total, q.page, q.page_size};
  for (const auto& r : rows->rows) page.items.push_back(article_from(r));
  return page;
}

Result<Page<Article>> public_articles(Connection& db, const std::string& now, int page,
                                      int page_size) {
  ListQuery q;
  q.page = page, q.page_size = page_size;
  Where w;
  w.add(kPublic, {now});
  auto rows = fetch_page(db, kCols, "articles", w, "publish_at DESC, id DESC", q);
  if (!rows) return std::unexpected(rows.error());
  Page<Article> out{{}, rows->total, page, page_size};
  for (const auto& r : rows->rows) out.items.push_back(article_from(r));
  return out;
}

Result<std::int64_t> insert_image(Connection& db, ArticleImage& img) {
  img.created_at = now_utc();
  return returned_id(db.query(
      "INSERT INTO article_images (article_id, sha256, kind, size_bytes, caption, created_by, "
      "created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
      std::vector<Value>{img.article_id, img.sha256, img.kind, img.size_bytes, img.caption,
                         img.created_by, img.created_at}));
}

Result<std::vector<ArticleImage>> article_images(Connection& db, std::int64_t article_id) {
  return images_where(db, "i.article_id = ?", {article_id}, " ORDER BY i.id");
}

Result<ArticleImage> public_image(Connection& db, std::int64_t id, const std::string& now) {
  return first_image(
      images_where(db, std::string("i.id = ? AND a.") + "published = 1 AND " + "a.publish_at <= ?",
                   {id, now}, ""));
}

Result<ArticleImage> get_image(Connection& db, std::int64_t id) {
  return first_image(images_where(db, "i.id = ?", {id}, ""));
}

Result<std::vector<ArticleImage>> public_images(Connection& db, const std::string& now, int limit) {
  return images_where(db, "a.published = 1 AND a.publish_at <= ?", {now},
                      " ORDER BY a.publish_at DESC, i.id LIMIT " + std::to_string(limit));
}

Result<std::vector<ProgramYear>> closed_national_programs(Connection& db, int before_year) {
  auto rows = db.query(
      "SELECT p.code, p.year FROM programs p WHERE p.level = 'KCQG' AND p.year < ? AND EXISTS "
      "(SELECT 1 FROM plan_decisions d WHERE d.program_id = p.id) ORDER BY p.year DESC",
      std::vector<Value>{std::int64_t{before_year}});
  if (!rows) return std::unexpected(rows.error());
  std::vector<ProgramYear> out;
  for (const auto& r : *rows) out.push_back({r.str(0), static_cast<int>(r.i64(1))});
  return out;
}

Result<std::optional<ProgramYear>> last_closed_national_program(Connection& db, int before_year) {
  auto all = closed_national_programs(db, before_year);
  if (!all) return std::unexpected(all.error());
  if (all->empty()) return std::optional<ProgramYear>();
  return std::optional(all->front());
}

}  // namespace kc::store

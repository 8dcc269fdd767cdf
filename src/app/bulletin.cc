#include "app/bulletin.h"

#include <map>
#include <regex>

#include "app/annual_report.h"
#include "app/attachments.h"
#include "app/audit.h"
#include "app/checks.h"
#include "app/clusters.h"
#include "app/codec.h"
#include "app/json_reader.h"
#include "app/reference.h"
#include "app/workflow.h"
#include "documents/markdown.h"
#include "domain/date.h"
#include "domain/text.h"
#include "store/files.h"

namespace kc::app {
namespace {

using nlohmann::json;
constexpr std::int64_t kDefaultImageMax = 5 * 1024 * 1024;

std::string status_of(const store::Article& a, const std::string& now) {
  if (!a.published) return "draft";
  return a.publish_at > now ? "scheduled" : "published";
}

json image_view(const store::ArticleImage& i) {
  return {{"id", i.id},
          {"article_id", i.article_id},
          {"kind", i.kind},
          {"size_bytes", i.size_bytes},
          {"caption", i.caption},
          {"url", "/api/v1/article-images/" + std::to_string(i.id)},
          {"public_url", "/anh/" + std::to_string(i.id)},
          {"created_at", i.created_at}};
}

json article_view(const store::Article& a, const std::string& now) {
  return {{"id", a.id},
          {"slug", a.slug},
          {"title", a.title},
          {"summary", a.summary},
          {"body_md", a.body_md},
          {"published", a.published},
          {"publish_at", a.publish_at.empty() ? json(nullptr) : json(a.publish_at)},
          {"status", status_of(a, now)},
          {"public_url", "/tin-tuc/" + a.slug},
          {"cover_image_id", a.cover_image_id ? json(*a.cover_image_id) : json(nullptr)},
          {"version", a.version},
          {"created_at", a.created_at},
          {"updated_at", a.updated_at}};
}

// "2026-12-05T08:00Z", "2026-12-05T08:00:00.000Z" -> "2026-12-05T08:00:00Z"; nullopt otherwise.
std::optional<std::string> utc_time(const std::string& s) {
  static const std::regex re(R"((\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?Z)");
  std::smatch m;
  if (!std::regex_match(s, m, re) || !parse_date(m[1].str())) return std::nullopt;
  int h = std::stoi(m[2]), mi = std::stoi(m[3]), sec = m[4].matched ? std::stoi(m[4]) : 0;
  if (h > 23 || mi > 59 || sec > 59) return std::nullopt;
  return m[1].str() + "T" + m[2].str() + ":" + m[3].str() + ":" +
         (m[4].matched ? m[4].str() : std::string("00")) + "Z";
}

bool good_slug(const std::string& s) {
  static const std::regex re(R"([a-z0-9]+(-[a-z0-9]+)*)");
  return s.size() >= 3 && s.size() <= 120 && std::regex_match(s, re);
}

store::Article read_article(const json& body, bool for_update, std::vector<FieldError>& errors) {
  JsonReader r(body, "", errors);
  store::Article a;
  if (for_update) {
    a.version = r.integer("version", true).value_or(0);
    r.ignore("reason");
  }
  for (const char* ro :
       {"id", "status", "public_url", "created_at", "updated_at", "html", "images"})
    r.ignore(ro);
  if (!for_update && r.has("version")) r.error("version", FieldCode::server_set);
  a.title = r.filled_text("title"), a.summary = r.filled_text("summary");
  a.body_md = r.lines("body_md", true);
  if (a.title.size() > 300) r.error("title", FieldCode::too_long, {{"max", "300"}});
  if (a.summary.size() > 1000) r.error("summary", FieldCode::too_long, {{"max", "1000"}});
  if (a.body_md.size() > 200000) r.error("body_md", FieldCode::too_long, {{"max", "200000"}});
  a.slug = r.text("slug", false);
  const bool own_slug = !a.slug.empty();
  if (!own_slug) a.slug = slug_of(a.title);
  if ((own_slug || !a.title.empty()) && !good_slug(a.slug)) r.error("slug", FieldCode::slug_format);
  a.published = r.boolean("published");
  std::string at = r.has("publish_at") && !body["publish_at"].is_null()
                       ? r.text("publish_at", false)
                       : (r.ignore("publish_at"), std::string());
  if (!at.empty()) {
    auto t = utc_time(at);
    if (!t) r.error("publish_at", FieldCode::not_timestamp);
    a.publish_at = t.value_or("");
  }
  if (a.published && a.publish_at.empty()) a.publish_at = store::now_utc();
  if (r.has("cover_image_id") && !body["cover_image_id"].is_null())
    a.cover_image_id = r.integer("cover_image_id", false);
  else
    r.ignore("cover_image_id");
  r.finish();
  return a;
}

// The article's own checks against the database: its address free, its cover one of its photos.
Status check_article(store::Connection& db, const store::Article& a,
                     std::vector<FieldError>& errors) {
  auto taken = store::slug_taken(db, a.slug, a.id);
  if (!taken) return std::unexpected(taken.error());
  if (*taken) errors.push_back({"slug", FieldCode::code_taken});
  if (a.cover_image_id) {
    // One of its own photos: another article's is no such record for this one.
    auto img = named_record(
        [&](std::int64_t id) -> Result<store::ArticleImage> {
          auto found = store::get_image(db, id);
          if (found && found->article_id != a.id)
            return std::unexpected(Error::not_found("photo not found"));
          return found;
        },
        "cover_image_id", *a.cover_image_id, errors);
    if (!img) return std::unexpected(img.error());
  }
  return fail_if_any(std::move(errors), "article");
}

Result<json> stored_view(store::Connection& db, std::int64_t id) {
  auto stored = store::get_article(db, id);
  if (!stored) return std::unexpected(stored.error());
  return article_view(*stored, store::now_utc());
}

}  // namespace

std::string slug_of(std::string_view title) {
  std::string folded = is_valid_utf8(title) ? fold_for_search(title) : std::string();
  std::string out;
  for (char c : folded) {
    bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (keep)
      out += c;
    else if (!out.empty() && out.back() != '-')
      out += '-';
    if (out.size() >= 80) break;
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

Result<json> list_articles(store::Connection& db, const Actor& a, ListQuery q) {
  if (!may(a, Permission::edit_bulletin)) return std::unexpected(Error::forbidden());
  const std::string now = store::now_utc();
  auto page = store::list_articles(db, q, now);
  if (!page) return std::unexpected(page.error());
  return page_json(*page, [&](const store::Article& x) {
    json v = article_view(x, now);
    v.erase("body_md");
    return v;
  });
}

Result<json> article_json(store::Connection& db, const Actor& a, std::int64_t id) {
  if (!may(a, Permission::edit_bulletin)) return std::unexpected(Error::forbidden());
  auto tx = store::Transaction::read(db);
  if (!tx) return std::unexpected(tx.error());
  auto art = store::get_article(db, id);
  if (!art) return std::unexpected(art.error());
  auto images = store::article_images(db, id);
  if (!images) return std::unexpected(images.error());
  json out = article_view(*art, store::now_utc());
  out["html"] = documents::markdown_to_html(art->body_md);
  out["images"] = json::array();
  for (const auto& i : *images) out["images"].push_back(image_view(i));
  return out;
}

Result<json> create_article(store::Connection& db, const Actor& a, const json& body) {
  if (!may(a, Permission::edit_bulletin)) return std::unexpected(Error::forbidden());
  std::vector<FieldError> errors;
  store::Article art = read_article(body, false, errors);
  art.created_by = a.user_id;
  if (art.cover_image_id) errors.push_back({"cover_image_id", FieldCode::server_set});
  return in_write_tx(db, [&]() -> Result<json> {
    if (auto s = check_article(db, art, errors); !s) return std::unexpected(s.error());
    auto id = store::insert_article(db, art);
    if (!id) return std::unexpected(id.error());
    auto view = stored_view(db, *id);
    if (!view) return view;
    if (auto s = audit(db, a, "articles", *id, "create", nullptr, *view); !s)
      return std::unexpected(s.error());
    return view;
  });
}

Result<json> update_article(store::Connection& db, const Actor& a, std::int64_t id,
                            const json& body) {
  if (!may(a, Permission::edit_bulletin)) return std::unexpected(Error::forbidden());
  std::vector<FieldError> errors;
  store::Article art = read_article(body, true, errors);
  art.id = id;
  std::string reason = body.is_object() ? body.value("reason", std::string()) : std::string();
  return in_write_tx(db, [&]() -> Result<json> {
    auto before = stored_view(db, id);
    if (!before) return before;
    if (auto s = check_article(db, art, errors); !s) return std::unexpected(s.error());
    if (auto s = store::update_article(db, art); !s) return std::unexpected(s.error());
    auto view = stored_view(db, id);
    if (!view) return view;
    if (auto s = audit(db, a, "articles", id, "update", *before, *view, reason); !s)
      return std::unexpected(s.error());
    return view;
  });
}

Result<json> preview_article(const Actor& a, const json& body) {
  if (!may(a, Permission::edit_bulletin)) return std::unexpected(Error::forbidden());
  std::vector<FieldError> errors;
  JsonReader r(body, "", errors);
  std::string md = r.lines("body_md", true);
  r.finish();
  if (auto s = fail_if_any(std::move(errors), "preview"); !s) return std::unexpected(s.error());
  return json{{"html", documents::markdown_to_html(md)}};
}

Result<json> add_article_image(store::Connection& db, const Actor& a, const std::string& files,
                               std::int64_t article_id, const std::string& caption,
                               std::string_view bytes) {
  if (!may(a, Permission::edit_bulletin)) return std::unexpected(Error::forbidden());
  std::vector<FieldError> errors;
  std::string clean(trim(caption));
  if (!is_valid_utf8(clean)) errors.push_back({"caption", FieldCode::not_utf8});
  if (clean.size() > 500) errors.push_back({"caption", FieldCode::too_long, {{"max", "500"}}});
  auto kind = sniff_kind(bytes);
  if (bytes.empty())
    errors.push_back({"file", FieldCode::not_empty});
  else if (!kind || (*kind != "jpeg" && *kind != "png"))
    errors.push_back({"file", FieldCode::not_image});
  return in_write_tx(db, [&]() -> Result<json> {
    auto art = store::get_article(db, article_id);
    if (!art) return std::unexpected(art.error());
    auto limit = dated_setting(db, "article_image_max_bytes", vietnam_today(), kDefaultImageMax);
    if (!limit) return std::unexpected(limit.error());
    if (static_cast<std::int64_t>(bytes.size()) > *limit)
      errors.push_back({"file", FieldCode::too_large, {{"max", std::to_string(*limit)}}});
    if (auto f = fail_if_any(errors, "photo"); !f) return std::unexpected(f.error());
    auto sha = store::put_file(files, bytes);
    if (!sha) return std::unexpected(sha.error());
    store::ArticleImage img;
    img.article_id = article_id, img.sha256 = *sha, img.kind = *kind, img.caption = clean;
    img.size_bytes = static_cast<std::int64_t>(bytes.size()), img.created_by = a.user_id;
    auto id = store::insert_image(db, img);
    if (!id) return std::unexpected(id.error());
    img.id = *id, img.article_slug = art->slug, img.article_title = art->title;
    json view = image_view(img);
    if (auto w = audit(db, a, "articles", article_id, "add_photo", nullptr, view); !w)
      return std::unexpected(w.error());
    return view;
  });
}

Result<store::ArticleImage> readable_image(store::Connection& db, const Actor& a, std::int64_t id) {
  if (may(a, Permission::edit_bulletin)) return store::get_image(db, id);
  return store::public_image(db, id, store::now_utc());
}

std::string image_content_type(const store::ArticleImage& img) {
  return content_type_of(img.kind);
}

Result<PublicArticle> public_article(store::Connection& db, const std::string& slug) {
  auto tx = store::Transaction::read(db);
  if (!tx) return std::unexpected(tx.error());
  auto art = store::public_article(db, slug, store::now_utc());
  if (!art) return std::unexpected(art.error());
  auto images = store::article_images(db, art->id);
  if (!images) return std::unexpected(images.error());
  std::string html = documents::markdown_to_html(art->body_md);
  return PublicArticle{std::move(*art), std::move(html), std::move(*images)};
}

Result<Page<store::Article>> public_articles(store::Connection& db, int page, int page_size) {
  return store::public_articles(db, store::now_utc(), page, page_size);
}

Result<std::vector<store::ArticleImage>> photo_library(store::Connection& db, int limit) {
  return store::public_images(db, store::now_utc(), limit);
}

namespace {

// The headline figures of one closed national program year, read through its annual report
// with the system's own eyes (no user's scope narrows a published record).
Result<json> figures_of(store::Connection& db, const store::ProgramYear& program,
                        json* by_province = nullptr) {
  auto report = annual_report(db, Actor::system("bulletin"), program.year, program.code);
  if (!report) return std::unexpected(report.error());
  json out = {{"year", program.year},
              {"program", program.code},
              {"plan_vnd", (*report)["funds"]["plan_vnd"]},
              {"projects_planned", (*report)["projects"]["planned"]},
              {"projects_contracted", (*report)["projects"]["contracted"]},
              {"completion_rate", (*report)["completion_rate"]},
              {"outputs", json::object()}};
  for (const char* key :
       {"demo_model", "facility_tech_machinery", "fair_booth", "typical_product_regional"})
    if ((*report)["outputs"].contains(key))
      out["outputs"][key] = (*report)["outputs"][key]["actual"];
  out["cluster_projects"] = (*report)["cluster_projects"];
  if (by_province) *by_province = (*report)["by"]["province"];
  return out;
}

// Province names of the 34, by code.
Result<std::map<std::string, std::string>> province_names(store::Connection& db) {
  auto rows = app::list_reference(db, "provinces-2025");
  if (!rows) return std::unexpected(rows.error());
  std::map<std::string, std::string> out;
  for (const auto& r : (*rows)["items"]) {
    std::string code = r["code"].is_string() ? r["code"].get<std::string>() : r["code"].dump();
    out[code] = r.value("name_vi", code);
  }
  return out;
}

}  // namespace

Result<json> headline_figures(store::Connection& db) {
  auto program = store::last_closed_national_program(db, vietnam_today().year);
  if (!program) return std::unexpected(program.error());
  if (!*program) return json(nullptr);
  return figures_of(db, **program);
}

Result<json> published_results(store::Connection& db, int year) {
  auto programs = store::closed_national_programs(db, vietnam_today().year);
  if (!programs) return std::unexpected(programs.error());
  json out = {{"years", json::array()}, {"figures", nullptr}, {"provinces", json::array()}};
  const store::ProgramYear* chosen = nullptr;
  for (const auto& p : *programs) {
    out["years"].push_back(p.year);
    if (!chosen && (year == 0 || p.year == year)) chosen = &p;
  }
  if (!chosen) return out;
  json by_province;
  auto figures = figures_of(db, *chosen, &by_province);
  if (!figures) return std::unexpected(figures.error());
  out["figures"] = *figures;
  auto names = province_names(db);
  if (!names) return std::unexpected(names.error());
  for (const auto& [code, row] : by_province.items())
    out["provinces"].push_back({{"code", code},
                                {"name", names->contains(code) ? names->at(code) : code},
                                {"projects", row.value("projects", 0)},
                                {"plan_vnd", row.value("plan_vnd", std::int64_t{0})}});
  return out;
}

Result<json> public_clusters(store::Connection& db) {
  ListQuery q;
  q.page_size = 1;
  auto totals = list_clusters(db, Actor::system("bulletin"), q);
  if (!totals) return std::unexpected(totals.error());
  auto names = province_names(db);
  if (!names) return std::unexpected(names.error());
  json out = {{"provinces", json::array()}, {"totals", (*totals)["totals"]}};
  out["totals"].erase("by_province");
  for (const auto& [code, n] : (*totals)["totals"]["by_province"].items())
    out["provinces"].push_back({{"code", code},
                                {"name", names->contains(code) ? names->at(code) : code},
                                {"clusters", n}});
  return out;
}

}  // namespace kc::app

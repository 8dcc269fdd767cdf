#include "site/pages.h"

#include "app/bulletin.h"
#include "domain/money.h"
#include "site/html.h"
#include "site/province_map.h"

namespace kc::site {
namespace {

using nlohmann::json;
constexpr int kNewsPerPage = 10;

// `lazy`: below the fold (lists, the library); an article's own photos load at once.
std::string image_tag(std::int64_t id, const std::string& alt, bool lazy = true) {
  return "<img src=\"/anh/" + std::to_string(id) + "\" alt=\"" + escape(alt) + "\"" +
         (lazy ? " loading=\"lazy\">" : ">");
}

std::string article_card(const store::Article& a) {
  std::string out = "<article class=\"card\">";
  if (a.cover_image_id) out += image_tag(*a.cover_image_id, a.title);
  out += "<h3><a href=\"/tin-tuc/" + escape(a.slug) + "\">" + escape(a.title) + "</a></h3>";
  out += "<p class=\"meta\"><time datetime=\"" + escape(a.publish_at) + "\">" +
         vn_date(a.publish_at) + "</time></p><p>" + escape(a.summary) + "</p></article>";
  return out;
}

std::string percent(double fraction) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", fraction * 100);
  std::string s = buf;
  for (char& c : s)
    if (c == '.') c = ',';
  return s + " %";
}

std::string headline_html(const json& h) {
  if (h.is_null()) return {};
  auto figure = [](const std::string& value, const std::string& label) {
    return "<div class=\"card\"><div class=\"figure\">" + escape(value) + "</div><div>" +
           escape(label) + "</div></div>";
  };
  auto output = [&](const char* key) {
    return h["outputs"].contains(key) ? h["outputs"][key].get<long long>() : 0LL;
  };
  std::string year = std::to_string(h["year"].get<int>());
  std::string out = "<section aria-labelledby=\"ket-qua\"><h2 id=\"ket-qua\">Kết quả năm " + year +
                    " của Chương trình khuyến công quốc gia</h2><div class=\"cards\">";
  out += figure(format_vnd_short(h["plan_vnd"].get<Vnd>()), "kinh phí kế hoạch");
  out += figure(format_count(h["projects_planned"].get<long long>()) + " đề án",
                format_count(h["projects_contracted"].get<long long>()) + " đề án đã ký hợp đồng");
  out += figure(percent(h["completion_rate"].get<double>()), "kế hoạch được hoàn thành");
  out += figure(format_count(output("demo_model")), "mô hình trình diễn kỹ thuật");
  out += figure(format_count(output("facility_tech_machinery")),
                "cơ sở CNNT được hỗ trợ công nghệ, máy móc");
  out += figure(format_count(output("fair_booth")), "gian hàng tại hội chợ, triển lãm");
  out += figure(format_count(output("typical_product_regional")),
                "sản phẩm CNNT tiêu biểu cấp khu vực");
  out += figure(format_count(h["cluster_projects"]["total"].get<long long>()),
                "đề án hỗ trợ cụm công nghiệp");
  return out + "</div></section>";
}

}  // namespace

Result<std::string> home_page(store::Connection& db, const std::string& public_url) {
  auto news = app::public_articles(db, 1, 6);
  if (!news) return std::unexpected(news.error());
  auto figures = app::headline_figures(db);
  if (!figures) return std::unexpected(figures.error());
  std::string body = "<h1>Bản tin Chương trình khuyến công</h1>";
  body += headline_html(*figures);
  body += "<section aria-labelledby=\"tin-moi\"><h2 id=\"tin-moi\">Tin mới</h2>";
  if (news->items.empty()) body += "<p>Chưa có tin nào được đăng.</p>";
  body += "<div class=\"cards\">";
  for (const auto& a : news->items) body += article_card(a);
  body += "</div><p><a href=\"/tin-tuc\">Xem tất cả tin tức</a></p></section>";
  return page(
      {"Trang chủ", "Tin tức và kết quả của Chương trình khuyến công quốc gia và địa phương", "/"},
      body, public_url);
}

Result<std::string> news_page(store::Connection& db, const Query& q,
                              const std::string& public_url) {
  int n = page_param(q);
  auto news = app::public_articles(db, n, kNewsPerPage);
  if (!news) return std::unexpected(news.error());
  std::string body = "<h1>Tin tức</h1>";
  if (news->items.empty()) body += "<p>Không có tin nào ở trang này.</p>";
  for (const auto& a : news->items) body += article_card(a);
  body +=
      pager("Trang tin", "/tin-tuc?", n, static_cast<std::int64_t>(n) * kNewsPerPage < news->total,
            "← Tin mới hơn", "Tin cũ hơn →");
  std::string path = n > 1 ? "/tin-tuc?trang=" + std::to_string(n) : "/tin-tuc";
  return page({"Tin tức", "Tin tức của Chương trình khuyến công", path}, body, public_url);
}

Result<std::string> article_page(store::Connection& db, const std::string& slug,
                                 const std::string& public_url) {
  auto found = app::public_article(db, slug);
  if (!found) return std::unexpected(found.error());
  const auto& a = found->article;
  std::string body = "<article><h1>" + escape(a.title) + "</h1><p class=\"meta\">Đăng ngày <time " +
                     "datetime=\"" + escape(a.publish_at) + "\">" + vn_date(a.publish_at) +
                     "</time></p><p><strong>" + escape(a.summary) + "</strong></p>";
  for (const auto& img : found->images)
    if (a.cover_image_id && img.id == *a.cover_image_id)
      body += "<figure>" + image_tag(img.id, img.caption) + "<figcaption>" + escape(img.caption) +
              "</figcaption></figure>";
  body += "<div class=\"body\">" + found->html + "</div>";
  for (const auto& img : found->images)
    if (!a.cover_image_id || img.id != *a.cover_image_id)
      body += "<figure>" + image_tag(img.id, img.caption) + "<figcaption>" + escape(img.caption) +
              "</figcaption></figure>";
  body += "</article><p><a href=\"/tin-tuc\">← Tin tức</a></p>";
  return page({a.title, a.summary, "/tin-tuc/" + a.slug}, body, public_url);
}

Result<std::string> photos_page(store::Connection& db, const std::string& public_url) {
  auto photos = app::photo_library(db, 120);
  if (!photos) return std::unexpected(photos.error());
  std::string body = "<h1>Thư viện ảnh</h1>";
  if (photos->empty()) body += "<p>Chưa có ảnh nào.</p>";
  body += "<div class=\"cards\">";
  for (const auto& img : *photos)
    body += "<figure class=\"card\">" + image_tag(img.id, img.caption) + "<figcaption>" +
            escape(img.caption) + " · <a href=\"/tin-tuc/" + escape(img.article_slug) + "\">" +
            escape(img.article_title) + "</a></figcaption></figure>";
  body += "</div>";
  return page({"Thư viện ảnh", "Ảnh hoạt động khuyến công", "/thu-vien-anh"}, body, public_url);
}

Result<std::string> results_page(store::Connection& db, const Query& q,
                                 const std::string& public_url) {
  int year = 0;
  if (auto it = q.find("nam"); it != q.end() && it->second.size() == 4)
    year = std::atoi(it->second.c_str());
  auto r = app::published_results(db, year);
  if (!r) return std::unexpected(r.error());
  if ((*r)["figures"].is_null() && year != 0)
    return std::unexpected(Error::not_found("no published results for this year"));
  std::string body = "<h1>Kế hoạch và kết quả khuyến công quốc gia</h1>";
  if (!(*r)["years"].empty()) {
    body += "<nav aria-label=\"Các năm\"><p>Năm:";
    for (const auto& y : (*r)["years"])
      body += " <a href=\"/ket-qua?nam=" + std::to_string(y.get<int>()) + "\">" +
              std::to_string(y.get<int>()) + "</a>";
    body += "</p></nav>";
  }
  if ((*r)["figures"].is_null()) {
    body += "<p>Chưa có năm kế hoạch nào được công bố.</p>";
  } else {
    body += headline_html((*r)["figures"]);
    const std::string y = std::to_string((*r)["figures"]["year"].get<int>());
    body += "<section aria-labelledby=\"tinh\"><h2 id=\"tinh\">Kế hoạch năm " + y +
            " theo tỉnh, thành phố</h2><table><thead><tr><th scope=\"col\">Tỉnh, thành phố</th>"
            "<th scope=\"col\">Số đề án</th><th scope=\"col\">Kinh phí kế hoạch</th></tr></thead>"
            "<tbody>";
    for (const auto& p : (*r)["provinces"])
      body += "<tr><td>" + escape(p["name"].get<std::string>()) + "</td><td>" +
              format_count(p["projects"].get<long long>()) + "</td><td>" +
              format_vnd_short(p["plan_vnd"].get<Vnd>()) + "</td></tr>";
    body += "</tbody></table></section>";
  }
  return page({"Kế hoạch và kết quả", "Kế hoạch và kết quả của Chương trình khuyến công quốc gia",
               "/ket-qua"},
              body, public_url);
}

Result<std::string> clusters_page(store::Connection& db, const std::string& public_url) {
  auto c = app::public_clusters(db);
  if (!c) return std::unexpected(c.error());
  std::map<std::string, std::int64_t> counts;
  std::map<std::string, std::string> titles;
  for (const auto& p : (*c)["provinces"]) {
    const std::string code = p["code"], name = p["name"];
    counts[code] = p["clusters"].get<std::int64_t>();
    titles[code] = name + ": " + format_count(counts[code]) + " cụm";
  }
  const auto& t = (*c)["totals"];
  std::string body = "<h1>Cụm công nghiệp</h1><p>" + format_count(t["clusters"].get<long long>()) +
                     " cụm công nghiệp trong cơ sở dữ liệu, " +
                     format_count(t["tenants"].get<long long>()) + " dự án thứ cấp, " +
                     format_count(t["workers"].get<long long>()) + " lao động.</p>";
  body += province_map_svg(counts, titles,
                           "Số cụm công nghiệp theo tỉnh, thành phố (34 tỉnh, thành phố)");
  body +=
      "<table><thead><tr><th scope=\"col\">Tỉnh, thành phố</th><th scope=\"col\">Số cụm</th>"
      "</tr></thead><tbody>";
  for (const auto& p : (*c)["provinces"])
    body += "<tr><td>" + escape(p["name"].get<std::string>()) + "</td><td>" +
            format_count(p["clusters"].get<long long>()) + "</td></tr>";
  body += "</tbody></table>";
  return page(
      {"Cụm công nghiệp", "Bản đồ cụm công nghiệp theo tỉnh, thành phố", "/cum-cong-nghiep"}, body,
      public_url);
}

std::string not_found_page(const std::string& public_url) {
  return page({"Không tìm thấy", "Trang không tồn tại", "/"},
              "<h1>Không tìm thấy trang</h1><p>Trang bạn tìm không tồn tại hoặc chưa được "
              "đăng. <a href=\"/\">Về trang chủ</a></p>",
              public_url);
}

Result<std::string> rss(store::Connection& db, const std::string& public_url) {
  auto news = app::public_articles(db, 1, 50);
  if (!news) return std::unexpected(news.error());
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>"
      "<title>Bản tin Khuyến công</title><link>" +
      escape(public_url + "/") +
      "</link><description>Tin tức của Chương trình khuyến công</description>"
      "<language>vi</language>";
  for (const auto& a : news->items) {
    std::string link = escape(public_url + "/tin-tuc/" + a.slug);
    out += "<item><title>" + escape(a.title) + "</title><link>" + link + "</link><guid>" + link +
           "</guid><pubDate>" + rfc822(a.publish_at) + "</pubDate><description>" +
           escape(a.summary) + "</description></item>";
  }
  return out + "</channel></rss>\n";
}

Result<std::string> sitemap(store::Connection& db, const std::string& public_url) {
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">";
  for (const char* path : {"/", "/tin-tuc", "/ket-qua", "/cum-cong-nghiep", "/san-pham-tieu-bieu",
                           "/thu-vien-anh", "/xac-minh", "/kien-nghi"})
    out += "<url><loc>" + escape(public_url + path) + "</loc></url>";
  for (int n = 1;; ++n) {
    auto news = app::public_articles(db, n, 500);
    if (!news) return std::unexpected(news.error());
    for (const auto& a : news->items)
      out += "<url><loc>" + escape(public_url + "/tin-tuc/" + a.slug) + "</loc><lastmod>" +
             a.updated_at.substr(0, 10) + "</lastmod></url>";
    if (static_cast<std::int64_t>(n) * 500 >= news->total) break;
  }
  return out + "</urlset>\n";
}

}  // namespace kc::site

// The typical products catalogue, certificate verification and the published answers to
// localities' petitions (site/pages.h).
#include "app/petitions.h"
#include "app/typical_products.h"
#include "domain/money.h"
#include "domain/text.h"
#include "site/html.h"
#include "site/pages.h"
#include "store/reference_repo.h"

namespace kc::site {
namespace {

using nlohmann::json;
constexpr int kProductsPerPage = 30;

std::string level_name(const std::string& level) {
  if (level == "commune") return "Cấp xã";
  if (level == "district") return "Cấp huyện";
  if (level == "provincial") return "Cấp tỉnh";
  if (level == "regional") return "Cấp khu vực";
  if (level == "national") return "Cấp quốc gia";
  return level;
}

std::string area_name(const std::string& area) {
  if (area == "BAC") return "miền Bắc";
  if (area == "TRUNG") return "miền Trung";
  if (area == "NAM") return "miền Nam";
  return area;
}

std::string group_name(const std::string& group) {
  if (group == "handicraft") return "Thủ công mỹ nghệ";
  if (group == "processed_food") return "Chế biến nông, lâm, thủy sản và thực phẩm";
  if (group == "machinery") return "Thiết bị, máy móc, dụng cụ và phụ tùng cơ khí";
  return "Sản phẩm khác";
}

std::string province_name(store::Connection& db, const json& code) {
  if (!code.is_string()) return {};
  auto p = store::find_province(db, {"2025", code.get<std::string>()});
  return p && *p ? (*p)->name_vi : code.get<std::string>();
}

std::string level_text(const json& p) {
  std::string s = level_name(p["level"].get<std::string>());
  if (p["area_code"].is_string() && !p["area_code"].get<std::string>().empty())
    s += " " + area_name(p["area_code"].get<std::string>());
  return s;
}

std::string iso_to_vn(const json& iso) {
  return iso.is_string() ? vn_date(iso.get<std::string>() + "T00:00:00Z") : std::string();
}

std::string param(const Query& q, const char* key) {
  auto it = q.find(key);
  return it == q.end() ? std::string() : it->second.substr(0, 200);
}

}  // namespace

Result<std::string> products_page(store::Connection& db, const Query& q,
                                  const std::string& public_url) {
  ListQuery lq;
  lq.q = param(q, "q");
  std::string year = param(q, "nam");
  if (!year.empty() && year.size() == 4 && std::isdigit(static_cast<unsigned char>(year[0])))
    lq.year = std::atoi(year.c_str());
  lq.page_size = kProductsPerPage;
  lq.page = page_param(q);
  auto page_of = app::public_products(db, lq);
  if (!page_of) return std::unexpected(page_of.error());
  std::int64_t total = (*page_of)["total"].get<std::int64_t>();
  std::string body =
      "<h1>Sản phẩm công nghiệp nông thôn tiêu biểu</h1>"
      "<form method=\"get\" action=\"/san-pham-tieu-bieu\"><label>Tìm sản phẩm, cơ sở "
      "<input name=\"q\" value=\"" +
      escape(lq.q) + "\"></label> <label>Năm <input name=\"nam\" size=\"4\" value=\"" +
      escape(year) + "\"></label> <button type=\"submit\">Tìm</button></form>";
  body += "<p>" + format_count(total) + " sản phẩm được công nhận.</p>";
  body +=
      "<table><thead><tr><th scope=\"col\">Sản phẩm</th><th scope=\"col\">Nhóm</th>"
      "<th scope=\"col\">Cơ sở</th><th scope=\"col\">Tỉnh, thành phố</th>"
      "<th scope=\"col\">Cấp công nhận</th><th scope=\"col\">Năm</th></tr></thead><tbody>";
  for (const auto& p : (*page_of)["items"])
    body += "<tr><td>" + escape(p["name"].get<std::string>()) + "</td><td>" +
            escape(group_name(p["group"].get<std::string>())) + "</td><td>" +
            escape(p["facility_name"].get<std::string>()) + "</td><td>" +
            escape(province_name(db, p["province_2025"])) + "</td><td>" + escape(level_text(p)) +
            "</td><td>" + std::to_string(p["year"].get<int>()) + "</td></tr>";
  body += "</tbody></table>";
  body +=
      pager("Trang sản phẩm",
            "/san-pham-tieu-bieu?q=" + percent_encode(lq.q) + "&nam=" + percent_encode(year) + "&",
            lq.page, static_cast<std::int64_t>(lq.page) * kProductsPerPage < total, "← Trang trước",
            "Trang sau →");
  return page(
      {"Sản phẩm CNNT tiêu biểu",
       "Danh mục sản phẩm công nghiệp nông thôn tiêu biểu được công nhận", "/san-pham-tieu-bieu"},
      body, public_url);
}

Result<std::string> verify_page(store::Connection& db, const std::string& code,
                                const std::string& public_url) {
  std::string form =
      "<form method=\"get\" action=\"/xac-minh\"><label>Mã xác minh in trên giấy chứng nhận "
      "<input name=\"ma\" value=\"" +
      escape(code) +
      "\" autocomplete=\"off\"></label> <button type=\"submit\">Xác minh</button>"
      "</form>";
  std::string body = "<h1>Xác minh giấy chứng nhận sản phẩm CNNT tiêu biểu</h1>" + form;
  if (code.empty())
    return page(
        {"Xác minh giấy chứng nhận", "Xác minh giấy chứng nhận sản phẩm tiêu biểu", "/xac-minh"},
        body, public_url);
  auto found = app::verify_certificate(db, code);
  if (!found) return std::unexpected(found.error());
  const json& v = *found;
  bool valid = v["valid"].get<bool>();
  body += "<h2>Giấy chứng nhận số " + escape(v["certificate_no"].get<std::string>()) + "</h2>";
  body += valid ? "<p class=\"ok\">Còn hiệu lực</p>" : "<p class=\"bad\">Đã hết hiệu lực</p>";
  body += "<table><tbody>";
  auto row = [&](const char* label, const std::string& value) {
    body +=
        "<tr><th scope=\"row\">" + std::string(label) + "</th><td>" + escape(value) + "</td></tr>";
  };
  row("Sản phẩm", v["name"].get<std::string>());
  row("Nhóm sản phẩm", group_name(v["group"].get<std::string>()));
  row("Cơ sở", v["facility_name"].get<std::string>());
  row("Tỉnh, thành phố", province_name(db, v["province_2025"]));
  row("Cấp công nhận", level_text(v));
  row("Năm", std::to_string(v["year"].get<int>()));
  row("Ngày công nhận", iso_to_vn(v["recognized_on"]));
  row("Hiệu lực đến", iso_to_vn(v["valid_until"]));
  body += "</tbody></table>";
  return page({"Giấy chứng nhận " + v["certificate_no"].get<std::string>(),
               "Xác minh giấy chứng nhận sản phẩm tiêu biểu", "/xac-minh/" + code},
              body, public_url);
}

Result<std::string> petitions_page(store::Connection& db, const Query& q,
                                   const std::string& public_url) {
  int n = page_param(q);
  auto page_of = app::published_petitions(db, n, 20);
  if (!page_of) return std::unexpected(page_of.error());
  std::string body = "<h1>Trả lời kiến nghị của địa phương</h1>";
  if (page_of->items.empty()) body += "<p>Chưa có câu trả lời nào được công bố.</p>";
  for (const auto& p : page_of->items) {
    body += "<article class=\"card\"><h2>" + escape(p.title) + "</h2><p class=\"meta\">" +
            escape(province_name(db, json(p.province_2025))) + " · gửi ngày " +
            iso_to_vn(json(p.filed_on)) + " · trả lời ngày " + iso_to_vn(json(p.answered_on)) +
            "</p><h3>Nội dung kiến nghị</h3><p>" + escape(p.body) +
            "</p><h3>Trả lời của Cục</h3><p>" + escape(p.answer) + "</p></article>";
  }
  body += pager("Trang kiến nghị", "/kien-nghi?", n,
                static_cast<std::int64_t>(n) * 20 < page_of->total, "← Mới hơn", "Cũ hơn →");
  return page(
      {"Trả lời kiến nghị", "Trả lời kiến nghị của địa phương về khuyến công", "/kien-nghi"}, body,
      public_url);
}

}  // namespace kc::site

#include "site/html.h"

#include <array>

#include "domain/date.h"
#include "domain/text.h"

namespace kc::site {
namespace {

constexpr std::string_view kStyle =
    "body{margin:0;font:16px/1.55 'DejaVu Sans',Arial,sans-serif;color:#1f1f1f;background:#f5f6f8}"
    "a{color:#0b4f9c}header{background:#0b4f9c;color:#fff}header a{color:#fff}"
    ".wrap{max-width:1040px;margin:0 auto;padding:0 16px}"
    ".brand{display:block;font-size:20px;font-weight:700;padding:14px 0 4px;text-decoration:none}"
    "nav ul{list-style:none;margin:0;padding:0 0 10px;display:flex;flex-wrap:wrap;gap:4px 18px}"
    "main{background:#fff;padding:20px 16px 32px;min-height:60vh}"
    "h1{font-size:26px;line-height:1.3}h2{font-size:20px;margin-top:28px}"
    ".meta{color:#595959;font-size:14px}.cards{display:grid;gap:14px;"
    "grid-template-columns:repeat(auto-fill,minmax(220px,1fr))}"
    ".card{border:1px solid #d9d9d9;border-radius:6px;padding:12px}"
    ".figure{font-size:26px;font-weight:700;color:#0b4f9c}"
    "table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #e5e5e5;"
    "padding:6px 8px;text-align:left;vertical-align:top}td.num{text-align:right}"
    "img{max-width:100%;height:auto}figure{margin:0 0 16px}figcaption{font-size:14px;"
    "color:#595959}.ok{color:#237804;font-weight:700}.bad{color:#a8071a;font-weight:700}"
    "footer{color:#595959;font-size:14px;padding:16px}"
    "form input{font-size:16px;padding:6px;max-width:100%}form button{font-size:16px;"
    "padding:6px 14px}.pager{display:flex;gap:16px;margin-top:20px}";

}  // namespace

std::string escape(std::string_view text) {
  return markup_escape(text);
}

std::string vn_date(std::string_view utc) {
  auto day = parse_date(utc.substr(0, 10));
  if (!day || utc.size() < 13) return std::string(utc.substr(0, 10));
  int hour = (utc[11] - '0') * 10 + (utc[12] - '0');
  return to_vn(hour + 7 >= 24 ? add_days(*day, 1) : *day);
}

std::string rfc822(std::string_view utc) {
  static constexpr std::array<const char*, 12> kMonths{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  static constexpr std::array<const char*, 7> kDays{"Mon", "Tue", "Wed", "Thu",
                                                    "Fri", "Sat", "Sun"};
  auto day = parse_date(utc.substr(0, 10));
  if (!day || utc.size() < 19) return std::string(utc);
  // 2001-01-01 was a Monday.
  int weekday = ((days_between(Date{2001, 1, 1}, *day) % 7) + 7) % 7;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s, %02d %s %04d %s GMT", kDays[weekday], day->day,
                kMonths[day->month - 1], day->year, std::string(utc.substr(11, 8)).c_str());
  return buf;
}

int page_param(const std::map<std::string, std::string>& query) {
  auto it = query.find("trang");
  if (it == query.end()) return 1;
  try {
    int n = std::stoi(it->second);
    return n >= 1 && n <= 100000 ? n : 1;
  } catch (...) {
    return 1;
  }
}

std::string pager(const std::string& label, const std::string& href, int page, bool more,
                  const std::string& previous, const std::string& next) {
  std::string out = "<nav class=\"pager\" aria-label=\"" + escape(label) + "\">";
  if (page > 1)
    out += "<a href=\"" + escape(href + "trang=" + std::to_string(page - 1)) + "\">" +
           escape(previous) + "</a>";
  if (more)
    out += "<a href=\"" + escape(href + "trang=" + std::to_string(page + 1)) + "\">" +
           escape(next) + "</a>";
  return out + "</nav>";
}

std::string page(const PageInfo& info, const std::string& body_html,
                 const std::string& public_url) {
  std::string out;
  out.reserve(body_html.size() + 4096);
  out +=
      "<!doctype html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\">"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">";
  out += "<title>" + escape(info.title) + " · Khuyến công</title>";
  out += "<meta name=\"description\" content=\"" + escape(info.description) + "\">";
  out += "<link rel=\"canonical\" href=\"" + escape(public_url + info.path) + "\">";
  out +=
      "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"Bản tin khuyến công\" "
      "href=\"/rss.xml\"><link rel=\"icon\" href=\"/app/favicon.svg\">";
  out += "<style>";
  out += kStyle;
  out +=
      "</style></head><body><header><div class=\"wrap\">"
      "<a class=\"brand\" href=\"/\">Bản tin Khuyến công</a>"
      "<nav aria-label=\"Trang công khai\"><ul>"
      "<li><a href=\"/\">Trang chủ</a></li><li><a href=\"/tin-tuc\">Tin tức</a></li>"
      "<li><a href=\"/ket-qua\">Kế hoạch và kết quả</a></li>"
      "<li><a href=\"/cum-cong-nghiep\">Cụm công nghiệp</a></li>"
      "<li><a href=\"/san-pham-tieu-bieu\">Sản phẩm CNNT tiêu biểu</a></li>"
      "<li><a href=\"/thu-vien-anh\">Thư viện ảnh</a></li>"
      "<li><a href=\"/xac-minh\">Xác minh giấy chứng nhận</a></li>"
      "<li><a href=\"/kien-nghi\">Trả lời kiến nghị</a></li>"
      "<li><a href=\"/app/\">Đăng nhập hệ thống</a></li></ul></nav></div></header>"
      "<main class=\"wrap\" id=\"noi-dung\">";
  out += body_html;
  out +=
      "</main><footer class=\"wrap\"><p>Chương trình khuyến công quốc gia · "
      "<a href=\"/rss.xml\">RSS</a> · <a href=\"/sitemap.xml\">Sơ đồ trang</a></p>"
      "<p>Liên kết: <a href=\"https://moit.gov.vn\" rel=\"noopener\">Bộ Công Thương</a> · "
      "<a href=\"https://arid.gov.vn\" rel=\"noopener\">Cục Công Thương địa phương</a></p>"
      "</footer></body></html>\n";
  return out;
}

}  // namespace kc::site

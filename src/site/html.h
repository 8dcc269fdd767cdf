#pragma once
// The public site's HTML: escaping, Vietnam-time dates, and the page every public page sits in
// (header, navigation, footer). Pages work without JavaScript and without a session: no script
// is sent at all, and the only style is inline.
#include <map>
#include <string>
#include <string_view>

namespace kc::site {

// Text for HTML content and attribute values (& < > " ').
std::string escape(std::string_view text);
// "2026-12-05T01:30:00Z" -> "05/12/2026" (the day in Vietnam, UTC+7).
std::string vn_date(std::string_view utc);
// "2026-12-05T01:30:00Z" -> "Sat, 05 Dec 2026 01:30:00 GMT" (RFC 822, for RSS).
std::string rfc822(std::string_view utc);

// The page of a list asked for in ?trang= (1 when absent or not a number from 1 to 100000).
int page_param(const std::map<std::string, std::string>& query);
// The links under a paged list: `href` is the list's address ending where `trang=N` goes
// ("/tin-tuc?", "/san-pham-tieu-bieu?q=g%E1%BB%97&"), `more` whether a later page exists.
std::string pager(const std::string& label, const std::string& href, int page, bool more,
                  const std::string& previous, const std::string& next);

struct PageInfo {
  std::string title;        // plain text
  std::string description;  // plain text, for search engines
  std::string path;         // the page's own path ("/tin-tuc/..."), for the canonical link
};
// The whole document: `body_html` inside the site's frame. `public_url` (no trailing slash)
// makes the canonical link absolute.
std::string page(const PageInfo& info, const std::string& body_html, const std::string& public_url);

}  // namespace kc::site

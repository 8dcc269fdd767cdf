// The bulletin's pure pieces: Markdown rendered safely, addresses made from titles, HTML
// escaping, and the dates of the public pages and the feed.
#include <gtest/gtest.h>

#include "app/bulletin.h"
#include "documents/markdown.h"
#include "domain/money.h"
#include "domain/normalize.h"
#include "site/html.h"

namespace kc {
namespace {

TEST(Markdown, RendersCommonMarkAndDropsWhatCouldRun) {
  std::string html = documents::markdown_to_html(
      "## Kết quả\n\n**262** đề án\n\n<script>alert(1)</script>\n\n"
      "<img src=x onerror=alert(1)>\n\n[a](javascript:alert(1)) [b](https://moit.gov.vn)\n\n"
      "![c](data:text/html;base64,PHNjcmlwdD4=)");
  EXPECT_NE(html.find("<h2>Kết quả</h2>"), std::string::npos);
  EXPECT_NE(html.find("<strong>262</strong>"), std::string::npos);
  EXPECT_NE(html.find("<a href=\"https://moit.gov.vn\">b</a>"), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("onerror"), std::string::npos);
  EXPECT_EQ(html.find("javascript:"), std::string::npos);
  EXPECT_EQ(html.find("data:text/html"), std::string::npos);
}

TEST(Bulletin, MarkdownKeepsItsLinesAndIndentation) {
  auto clean = clean_lines("## A\r\n\r\n- one\n\t- two\u00a0 x\n\n\n");
  ASSERT_TRUE(clean);
  EXPECT_EQ(*clean, "## A\n\n- one\n    - two x");
  EXPECT_FALSE(clean_lines("a\n\x01"));
}

TEST(Bulletin, SlugsAreMadeFromTitlesWithoutDiacritics) {
  EXPECT_EQ(app::slug_of("Khuyến công năm 2018: 262 đề án!"), "khuyen-cong-nam-2018-262-de-an");
  EXPECT_EQ(app::slug_of("  --Đồng Nai--  "), "dong-nai");
  EXPECT_EQ(app::slug_of(std::string(200, 'a')).size(), 80u);
  EXPECT_EQ(app::slug_of("\xff\xfe"), "");
}

TEST(SiteHtml, EscapesAndDates) {
  EXPECT_EQ(site::escape("<a href=\"x\">&'"), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
  // 17:30 UTC on the 31st is already the 1st in Vietnam (UTC+7).
  EXPECT_EQ(site::vn_date("2018-12-31T17:30:00Z"), "01/01/2019");
  EXPECT_EQ(site::vn_date("2018-12-31T16:59:00Z"), "31/12/2018");
  EXPECT_EQ(site::rfc822("2019-01-25T02:00:00Z"), "Fri, 25 Jan 2019 02:00:00 GMT");
  EXPECT_EQ(format_count(2000), "2.000");
  EXPECT_EQ(format_count(120000000000), "120.000.000.000");
  EXPECT_EQ(format_count(-1500), "-1.500");
}

}  // namespace
}  // namespace kc

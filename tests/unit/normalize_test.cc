#include "domain/normalize.h"

#include <gtest/gtest.h>

namespace kc {
namespace {

std::string clean(std::string_view s) {
  auto r = clean_text(s);
  return r ? *r : "ERROR: " + r.error().message;
}

TEST(CleanText, ComposesNfdIntoNfc) {
  // "Khuyến công" typed on macOS: e + circumflex + acute, o + circumflex.
  EXPECT_EQ(clean("Khuye\u0302\u0301n co\u0302ng"), "Khuyến công");
  // Dot below (class 220) and circumflex (230) in either order give ệ.
  EXPECT_EQ(clean("Vie\u0323\u0302t"), "Việt");
  EXPECT_EQ(clean("Vie\u0302\u0323t"), "Việt");
  EXPECT_EQ(clean("D\u0300"), "D\u0300");  // no precomposed form: left as is
  EXPECT_EQ(to_nfc("u\u031B\u0301"), "ứ");
  EXPECT_EQ(clean("Đồng Nai"), "Đồng Nai");
}

TEST(CleanText, RemovesInvisibleCharactersAndTrims) {
  EXPECT_EQ(clean("X\u200B"), "X");
  EXPECT_EQ(clean("\uFEFFKCQG-2019\u2060"), "KCQG-2019");
  EXPECT_EQ(clean("\u200B\u200C\u200D\u00A0\u3000"), "");  // only invisible: empty
  EXPECT_EQ(clean("  Hà\u00A0\u00A0Nội\t"), "Hà Nội");
  EXPECT_EQ(clean("dòng 1\r\ndòng 2"), "dòng 1 dòng 2");
}

TEST(CleanText, RefusesControlAndBidiCharacters) {
  EXPECT_FALSE(clean_text(std::string("a\0b", 3)));
  EXPECT_FALSE(clean_text("a\x07"));
  EXPECT_FALSE(clean_text("abc\u202Egnp.exe"));
  EXPECT_FALSE(clean_text("\u2066x\u2069"));
  EXPECT_FALSE(clean_text("\xC3\x28"));  // invalid UTF-8
  EXPECT_NE(clean_text("a\x01").error().message.find("U+0001"), std::string::npos);
}

}  // namespace
}  // namespace kc

#include "domain/text.h"
#include "domain/date.h"

#include <gtest/gtest.h>

namespace kc {
namespace {

TEST(FoldForSearch, IgnoresDiacriticsAndCase) {
  struct Case {
    const char* in;
    const char* out;
  } cases[] = {
      {"Khuyến công", "khuyen cong"},
      {"Đồng Nai", "dong nai"},
      {"ĐẮK LẮK", "dak lak"},
      {"Thừa Thiên Huế", "thua thien hue"},
      {"Hoà Bình", "hoa binh"},
      {"Hòa Bình", "hoa binh"},
      {"Cà Mau  \t An\u00A0Giang", "ca mau an giang"},
      {"  Bắc Ninh ", "bac ninh"},
      {"Nghệ nhân ưu tú", "nghe nhan uu tu"},
      {"ABC-123", "abc-123"},
  };
  for (const auto& c : cases) EXPECT_EQ(fold_for_search(c.in), c.out) << c.in;
}

TEST(FoldForSearch, DecomposedInputFoldsLikeComposed) {
  // "ế" written as e + U+0302 (circumflex) + U+0301 (acute).
  EXPECT_EQ(fold_for_search("Khue\u0302\u0301n"), "khuen");
}

TEST(UpperVi, EveryVietnameseLetterHasItsCapital) {
  EXPECT_EQ(upper_vi("thành phố Hải Phòng"), "THÀNH PHỐ HẢI PHÒNG");
  EXPECT_EQ(upper_vi("tỉnh Đắk Lắk, Thừa Thiên Huế, Bà Rịa - Vũng Tàu"),
            "TỈNH ĐẮK LẮK, THỪA THIÊN HUẾ, BÀ RỊA - VŨNG TÀU");
  const std::string lower =
      "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ";
  const std::string upper =
      "AÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬBCDĐEÈÉẺẼẸÊỀẾỂỄỆGHIÌÍỈĨỊKLMNOÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢPQRSTUÙÚỦŨỤƯỪỨỬỮỰVXYỲÝỶỸỴ";
  EXPECT_EQ(upper_vi(lower), upper);
  EXPECT_EQ(upper_vi(upper), upper);
  EXPECT_EQ(upper_vi("số 12/QĐ-UBND ÷ €"), "SỐ 12/QĐ-UBND ÷ €");
}

TEST(Utf8, RejectsMalformedSequences) {
  EXPECT_TRUE(is_valid_utf8("Khuyến công ₫"));
  EXPECT_FALSE(is_valid_utf8("\xC3"));
  EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));      // surrogate
  EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // above U+10FFFF
  EXPECT_FALSE(is_valid_utf8("ab\xFF"));
}

TEST(Date, ParsesIsoAndVietnameseForms) {
  EXPECT_EQ(parse_date("2018-03-05"), (Date{2018, 3, 5}));
  EXPECT_EQ(parse_date("05/03/2018"), (Date{2018, 3, 5}));
  EXPECT_EQ(parse_date("2024-02-29"), (Date{2024, 2, 29}));
  EXPECT_EQ(parse_date("2023-02-29"), std::nullopt);
  EXPECT_EQ(parse_date("31/04/2018"), std::nullopt);
  EXPECT_EQ(parse_date("2018-3-5"), std::nullopt);
  EXPECT_EQ(to_vn(Date{2025, 1, 5}), "05/01/2025");
  EXPECT_EQ(to_iso(Date{2025, 1, 5}), "2025-01-05");
  EXPECT_EQ(to_iso(Date{2018, 12, 31}), "2018-12-31");
  EXPECT_EQ(to_iso(Date{987, 10, 20}), "0987-10-20");
  EXPECT_EQ(to_iso(Date{}), "0000-00-00");  // an empty date, as the register reads it
  EXPECT_EQ(to_iso(Date{12345, 1, 1}), "12345-01-01");
}

}  // namespace
}  // namespace kc

#include "domain/money.h"

#include <gtest/gtest.h>

namespace kc {
namespace {

TEST(FormatVnd, GroupsThousandsWithDotsAndNoBreakSpace) {
  EXPECT_EQ(format_vnd(1234567890), "1.234.567.890\u00A0₫");
  EXPECT_EQ(format_vnd(0), "0\u00A0₫");
  EXPECT_EQ(format_vnd(999), "999\u00A0₫");
  EXPECT_EQ(format_vnd(1000), "1.000\u00A0₫");
  EXPECT_EQ(format_vnd(-2500000), "-2.500.000\u00A0₫");
  EXPECT_EQ(format_vnd(INT64_MIN), "-9.223.372.036.854.775.808\u00A0₫");
}

TEST(FormatVndShort, SummarisesInTyAndTrieu) {
  EXPECT_EQ(format_vnd_short(120'000'000'000), "120 tỷ đồng");
  EXPECT_EQ(format_vnd_short(1'500'000'000), "1,5 tỷ đồng");
  EXPECT_EQ(format_vnd_short(1'449'000'000), "1,4 tỷ đồng");
  EXPECT_EQ(format_vnd_short(850'000'000), "850 triệu đồng");
  EXPECT_EQ(format_vnd_short(5'000), "5.000 đồng");
  EXPECT_EQ(format_vnd_short(1'234'000'000'000), "1.234 tỷ đồng");
}

TEST(ParseVnd, AcceptsPeopleAndSpreadsheetWritings) {
  EXPECT_EQ(parse_vnd("1234567"), 1234567);
  EXPECT_EQ(parse_vnd("1.234.567"), 1234567);
  EXPECT_EQ(parse_vnd(" 1 234 567 đ "), 1234567);
  EXPECT_EQ(parse_vnd("500.000 ₫"), 500000);
  EXPECT_EQ(parse_vnd("2000000 đồng"), 2000000);
}

TEST(ParseVnd, RejectsNegativeFractionalAndGarbage) {
  EXPECT_EQ(parse_vnd("-5"), std::nullopt);
  EXPECT_EQ(parse_vnd("1,5"), std::nullopt);
  EXPECT_EQ(parse_vnd("abc"), std::nullopt);
  EXPECT_EQ(parse_vnd(""), std::nullopt);
  EXPECT_EQ(parse_vnd("99999999999999999999"), std::nullopt);
}

TEST(ParseVnd, RefusesDecimalPointsInsteadOfDroppingThem) {
  EXPECT_EQ(parse_vnd("1000.5"), std::nullopt);     // was read as 10005
  EXPECT_EQ(parse_vnd("1000000.0"), std::nullopt);  // was read as 10000000
  EXPECT_EQ(parse_vnd("1.5"), std::nullopt);
  EXPECT_EQ(parse_vnd("1.0000"), std::nullopt);
  EXPECT_EQ(parse_vnd("1.000 000"), std::nullopt);  // two kinds of separator
  EXPECT_EQ(parse_vnd("1..000"), std::nullopt);
  EXPECT_EQ(parse_vnd(".000"), std::nullopt);
  EXPECT_EQ(parse_vnd("1 000 000 đ"), 1'000'000);
  EXPECT_EQ(parse_vnd("12.345.678"), 12'345'678);
}

TEST(AddVnd, DetectsOverflow) {
  EXPECT_EQ(add_vnd(1, 2), 3);
  EXPECT_EQ(add_vnd(INT64_MAX, 1), std::nullopt);
}

TEST(Money, ReadOutInVietnamese) {
  EXPECT_EQ(vnd_in_words(120'000'000'000), "Một trăm hai mươi tỷ đồng");
  EXPECT_EQ(vnd_in_words(119'520'000'000), "Một trăm mười chín tỷ năm trăm hai mươi triệu đồng");
  EXPECT_EQ(vnd_in_words(1'005'000), "Một triệu không trăm linh năm nghìn đồng");
  EXPECT_EQ(vnd_in_words(21'015'000), "Hai mươi mốt triệu không trăm mười lăm nghìn đồng");
  EXPECT_EQ(vnd_in_words(255'000'000), "Hai trăm năm mươi lăm triệu đồng");
  EXPECT_EQ(vnd_in_words(1'000'000'000'000), "Một nghìn tỷ đồng");
  EXPECT_EQ(vnd_in_words(0), "Không đồng");
}

}  // namespace
}  // namespace kc

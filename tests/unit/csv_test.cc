#include "io/csv.h"

#include <gtest/gtest.h>

namespace kc::io {
namespace {

TEST(Csv, ParsesQuotesCommasAndLineBreaks) {
  auto t = parse_csv(
      "\xEF\xBB\xBF"
      "name,note\r\n\"Công ty \"\"A\"\"\",\"x, y\"\nB,\"line1\nline2\"\n");
  ASSERT_TRUE(t) << t.error().message;
  ASSERT_EQ(t->rows.size(), 2u);
  EXPECT_EQ(t->header, (std::vector<std::string>{"name", "note"}));
  EXPECT_EQ(t->rows[0][0], "Công ty \"A\"");
  EXPECT_EQ(t->rows[0][1], "x, y");
  EXPECT_EQ(t->rows[1][1], "line1\nline2");
}

TEST(Csv, KeepsAStrayQuoteAndCountsLinesInsideQuotedCells) {
  // A quote inside an unquoted cell is text; a quoted cell's line breaks (\r\n, \n, lone
  // \r) move the row numbers of the records after it.
  auto t = parse_csv("a,b\n5\" screen,\"x\r\ny\nz\rw\"\n\"q\"\"\",end\"\n");
  ASSERT_TRUE(t) << t.error().message;
  ASSERT_EQ(t->rows.size(), 2u);
  EXPECT_EQ(t->rows[0], (std::vector<std::string>{"5\" screen", "x\r\ny\nz\rw"}));
  EXPECT_EQ(t->rows[1], (std::vector<std::string>{"q\"", "end\""}));
  EXPECT_EQ(t->row_number(1), 6u);
}

TEST(Csv, PadsShortRowsAndRejectsLongOnes) {
  auto t = parse_csv("a,b,c\n1\n");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->rows[0], (std::vector<std::string>{"1", "", ""}));
  auto bad = parse_csv("a,b\n1,2\n1,2,3\n");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().fields.at(0).field, "row 3");
}

TEST(Csv, RejectsInvalidUtf8AndUnclosedQuotes) {
  EXPECT_FALSE(parse_csv("a\n\xFF\n"));
  EXPECT_FALSE(parse_csv("a\n\"open\n"));
}

TEST(Csv, AcceptsLoneCarriageReturnLineEnds) {
  auto t = parse_csv("a,b\r1,2\r3,4\r");
  ASSERT_TRUE(t) << t.error().message;
  ASSERT_EQ(t->rows.size(), 2u);
  EXPECT_EQ(t->rows[1], (std::vector<std::string>{"3", "4"}));
  EXPECT_EQ(t->row_number(1), 3u);
}

TEST(Csv, RefusesAHeaderNamedTwice) {
  auto t = parse_csv("code,title,code\n1,2,3\n");
  ASSERT_FALSE(t);
  EXPECT_EQ(t.error().fields.at(0).field, "row 1, column code");
}

TEST(Csv, NamesTheColumnOfBadUtf8AndHintsAtLegacyEncodings) {
  auto t = parse_csv("code,title\nA,\xC0\xEA\n");  // Windows-1258-ish bytes
  ASSERT_FALSE(t);
  EXPECT_EQ(t.error().fields.at(0).field, "row 2, column title");
  EXPECT_NE(t.error().fields.at(0).message.find("TCVN3"), std::string::npos);
}

TEST(Csv, StopsListingAfterAHundredProblemsAndCountsTheRest) {
  std::string junk = "a\n";
  for (int i = 0; i < 5000; ++i) junk += "\xFF\n";
  auto t = parse_csv(junk);
  ASSERT_FALSE(t);
  EXPECT_EQ(t.error().fields.size(), 101u);
  EXPECT_NE(t.error().fields.back().message.find("4900 more"), std::string::npos);
  EXPECT_NE(t.error().message.find("5000"), std::string::npos);
}

TEST(Csv, NeverEchoesAHugeHeaderBack) {
  std::string header(1 << 20, 'x');
  auto t = parse_csv(header + "," + header + "\n");
  ASSERT_FALSE(t);  // named twice
  EXPECT_LT(t.error().fields.at(0).field.size(), 80u);
}

TEST(Csv, ExportedCellsCannotRunAsFormulas) {
  std::string out;
  append_csv_record(out, {"=HYPERLINK(\"x\")", "+1", "-2", "@SUM(A1)", "\tx", "abc\u202Etxt.exe"});
  EXPECT_EQ(out, "\"'=HYPERLINK(\"\"x\"\")\",'+1,'-2,'@SUM(A1),'\tx,abctxt.exe\r\n");
}

TEST(Csv, VietnameseAndOtherNonAsciiTextGoesOutAsItIs) {
  std::string out;
  append_csv_record(out, {"Cơ sở dệt Vạn Phúc", "giá – 5 ‰", "\u200Fx\u2066y\u061Cz", "a\xE2"});
  // Only the bidirectional controls go; an en dash shares their lead byte and stays, and so
  // does a cut-off sequence.
  EXPECT_EQ(out, "Cơ sở dệt Vạn Phúc,giá – 5 ‰,xyz,a\xE2\r\n");
}

TEST(Csv, WritesWhatItReads) {
  std::string out;
  append_csv_record(out, {"a", "b,c", "d\"e", "f\ng"});
  auto t = parse_csv("h1,h2,h3,h4\r\n" + out);
  ASSERT_TRUE(t);
  EXPECT_EQ(t->rows[0], (std::vector<std::string>{"a", "b,c", "d\"e", "f\ng"}));
}

}  // namespace
}  // namespace kc::io

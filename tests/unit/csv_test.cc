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

TEST(Csv, WritesWhatItReads) {
  std::string out;
  append_csv_record(out, {"a", "b,c", "d\"e", "f\ng"});
  auto t = parse_csv("h1,h2,h3,h4\r\n" + out);
  ASSERT_TRUE(t);
  EXPECT_EQ(t->rows[0], (std::vector<std::string>{"a", "b,c", "d\"e", "f\ng"}));
}

}  // namespace
}  // namespace kc::io

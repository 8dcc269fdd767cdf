// The spreadsheet columns are one table: the README's list is generated from it.
#include "app/columns.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace kc::app {
namespace {

TEST(Columns, TheReadmeListsExactlyTheTable) {
  std::ifstream in(std::string(KC_SOURCE_DIR) + "/README.md");
  ASSERT_TRUE(in);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string readme = ss.str();
  const std::string begin =
                        "<!-- columns: generated from src/app/columns.cc; a unit test keeps "
                        "them equal -->\n",
                    end = "<!-- end of columns -->";
  auto a = readme.find(begin), b = readme.find(end);
  ASSERT_NE(a, std::string::npos);
  ASSERT_NE(b, std::string::npos);
  EXPECT_EQ(readme.substr(a + begin.size(), b - a - begin.size()), columns_markdown())
      << "README.md's import columns differ from src/app/columns.cc; paste columns_markdown()";
}

TEST(Columns, EveryProjectColumnIsWrittenAndNumbersAreMarked) {
  Project p;
  p.code = "A-1", p.title = "T", p.year = 2019, p.program_id = 7, p.content_code = "ND45-03";
  p.provinces = {{"2008", "01"}, {"2008", "79"}};
  p.requested_vnd = 5, p.total_vnd = 5;
  p.outputs = {{"demo_model", 1}};
  std::map<std::int64_t, std::string> codes{{7, "KCQG-2019"}};
  auto cells = project_cells(p, {codes});
  ASSERT_EQ(cells.size(), columns_of(ImportKind::projects).size());
  EXPECT_EQ(cells[3], "KCQG-2019");
  EXPECT_EQ(cells[6], "2008:01;2008:79");
  for (auto i : project_number_columns()) {
    auto cell = columns_of(ImportKind::projects)[i].cell;
    EXPECT_TRUE(cell == Cell::integer || cell == Cell::money);
  }
}

// A CSV saved by Excel writes a date cell as its serial day number: read as the date.
TEST(Columns, ADateCellTakesExcelsSerialDayNumber) {
  const auto& cols = columns_of(ImportKind::projects);
  const Column* start = nullptr;
  for (const auto& c : cols)
    if (std::string_view(c.name) == "start") start = &c;
  ASSERT_NE(start, nullptr);
  auto read = [&](const std::string& raw) {
    nlohmann::json j = nlohmann::json::object();
    CellErrors errors;
    put_cell(j, *start, raw, errors);
    return std::pair{j.value("start", std::string()), errors.size()};
  };
  EXPECT_EQ(read("43466"), (std::pair<std::string, std::size_t>{"2019-01-01", 0}));
  EXPECT_EQ(read("45839"), (std::pair<std::string, std::size_t>{"2025-07-01", 0}));
  // Text stays text for the codec to read (and refuse when it is no date).
  EXPECT_EQ(read("01/03/2019"), (std::pair<std::string, std::size_t>{"01/03/2019", 0}));
  EXPECT_EQ(read("2019-03-01"), (std::pair<std::string, std::size_t>{"2019-03-01", 0}));
  EXPECT_EQ(read("0").first, "0");
}

}  // namespace
}  // namespace kc::app

// Files and cells in the encodings offices really use: UTF-16 and Windows-1252 CSV, and text
// typed with the legacy TCVN3 and VNI fonts (data/encodings/samples.csv: every phrase, both
// ways checked by its source), converted to Unicode; Unicode text left alone.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "io/csv.h"
#include "io/table.h"
#include "io/text_encoding.h"

namespace kc::io {
namespace {

// The bytes as a cell holds them: each byte as its Windows-1252 character, in UTF-8.
std::string as_cell(const std::string& hex_bytes) {
  std::string bytes;
  std::istringstream in(hex_bytes);
  std::string h;
  while (in >> h) bytes += static_cast<char>(std::stoi(h, nullptr, 16));
  std::string how;
  return file_text_as_utf8(bytes, how);
}

TEST(Encoding, EverySampleConvertsToItsUnicode) {
  std::ifstream in(std::string(KC_SOURCE_DIR) + "/data/encodings/samples.csv");
  std::stringstream ss;
  ss << in.rdbuf();
  auto csv = parse_csv(ss.str());
  ASSERT_TRUE(csv);
  ASSERT_GE(csv->rows.size(), 40u);
  for (const auto& r : csv->rows) {
    std::string cell = as_cell(r[1]);
    auto c = from_legacy(cell);
    // A phrase with no signature character cannot be told from Western text: it stays.
    if (!c) {
      ADD_FAILURE() << r[0] << " sample not recognised: " << r[2] << " (cell " << cell << ")";
      continue;
    }
    EXPECT_EQ(c->text, r[2]) << r[0] << " " << r[1];
    EXPECT_EQ(c->encoding, r[0] == "tcvn3" ? "TCVN3" : "VNI");
  }
}

TEST(Encoding, UnicodeAndPlainTextAreLeftAlone) {
  for (const char* s : {"Hà Nội", "Tây Ninh", "Cà Mau", "hoà", "Khuyến công", "ABC-123",
                        "Noël à Paris", "Đồng Nai", ""})
    EXPECT_FALSE(from_legacy(s)) << s;
}

TEST(Encoding, FilesInUtf16AndWindows1252BecomeUtf8) {
  std::string how;
  std::string le(
      "\xFF\xFE"
      "H\0\xE0\0 \0N\0\xD9\x1E"
      "i\0",
      14);
  EXPECT_EQ(file_text_as_utf8(le, how), "Hà Nội");
  EXPECT_EQ(how, "UTF-16");
  EXPECT_EQ(file_text_as_utf8("caf\xE9 \x93x\x94", how), "café “x”");
  EXPECT_EQ(how, "Windows-1252");
  EXPECT_EQ(file_text_as_utf8("\xEF\xBB\xBFok", how), "ok");
  EXPECT_EQ(how, "");
}

TEST(Encoding, CsvFilesAreReadInTheirEncodingFromDisk) {
  // read_table_file converts in place: UTF-8 with a BOM, UTF-16 and Windows-1252 files alike.
  const auto path = (std::filesystem::temp_directory_path() /
                     ("kc-encoding-test-" + std::to_string(::getpid()) + ".csv"))
                        .string();
  auto read = [&](const std::string& bytes) {
    std::ofstream(path, std::ios::binary) << bytes;
    auto t = read_table_file(path);
    std::filesystem::remove(path);
    return t;
  };
  auto bom = read("\xEF\xBB\xBFtên\nHà Nội\n");
  ASSERT_TRUE(bom) << bom.error().message;
  EXPECT_EQ(bom->header.front(), "tên");
  EXPECT_EQ(bom->rows.at(0).at(0), "Hà Nội");
  EXPECT_TRUE(bom->notes.empty());
  auto utf16 = read(std::string("\xFF\xFEt\0\n\0H\0\xE0\0\n\0", 12));
  ASSERT_TRUE(utf16) << utf16.error().message;
  EXPECT_EQ(utf16->rows.at(0).at(0), "Hà");
  EXPECT_EQ(utf16->notes.at(0), "the file was read as UTF-16 and converted to UTF-8");
  auto cp1252 = read("t\ncaf\xE9\n");
  ASSERT_TRUE(cp1252) << cp1252.error().message;
  EXPECT_EQ(cp1252->rows.at(0).at(0), "café");
  EXPECT_EQ(cp1252->notes.at(0), "the file was read as Windows-1252 and converted to UTF-8");
  EXPECT_FALSE(read(""));  // empty: "the file is empty"
}

TEST(Encoding, TableCellsAreConvertedWithANote) {
  Table t;
  t.header = {"title"};
  t.rows = {{as_cell("48 B5 20 4E E9 69")}, {"Hà Nội"}};
  t.row_numbers = {2, 3};
  convert_legacy_cells(t);
  EXPECT_EQ(t.rows[0][0], "Hà Nội");
  ASSERT_EQ(t.notes.size(), 1u);
  EXPECT_EQ(t.notes[0], "row 2, column title: converted from TCVN3 to Unicode");
}

}  // namespace
}  // namespace kc::io

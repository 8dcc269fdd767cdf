// The XLSX reader on hand-made workbooks: every part written here byte for byte, so that
// each case (dates, booleans, errors, bombs, malformed XML) is exactly what it says.
#include <gtest/gtest.h>
#include <minizip/zip.h>

#include <unistd.h>

#include <filesystem>
#include <map>

#include "io/xlsx_reader.h"

namespace kc::io {
namespace {

const char* kContentTypes =
    R"(<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>)";
const char* kRels =
    R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rId1" Target="worksheets/sheet1.xml"/>)"
    R"(<Relationship Id="rId2" Target="/xl/worksheets/sheet2.xml"/></Relationships>)";

std::string workbook(bool date1904 = false) {
  return std::string(
             R"(<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" )"
             R"(xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">)") +
         (date1904 ? R"(<workbookPr date1904="1"/>)" : "") +
         R"(<sheets><sheet name="Hướng dẫn" sheetId="1" r:id="rId1"/>)"
         R"(<sheet name="Đề án" sheetId="2" r:id="rId2"/></sheets></workbook>)";
}

// Styles: xf 0 general, xf 1 a built-in date (14), xf 2 a custom dd/mm/yyyy.
const char* kStyles =
    R"(<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)"
    R"(<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>)"
    R"(<cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs>)"
    R"(<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/></cellXfs>)"
    R"(</styleSheet>)";

std::string sheet(const std::string& rows) {
  return R"(<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)" +
         rows + "</sheetData></worksheet>";
}

class Xlsx : public ::testing::Test {
 protected:
  std::string write(std::map<std::string, std::string> parts, bool defaults = true) {
    if (defaults) {
      parts.try_emplace("[Content_Types].xml", kContentTypes);
      parts.try_emplace("xl/workbook.xml", workbook());
      parts.try_emplace("xl/_rels/workbook.xml.rels", kRels);
      parts.try_emplace("xl/styles.xml", kStyles);
      parts.try_emplace("xl/worksheets/sheet1.xml",
                        sheet(R"(<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>)"));
    }
    // ctest runs tests in parallel processes: the name carries the process id.
    auto path = (std::filesystem::temp_directory_path() /
                 ("kc-xlsx-" + std::to_string(::getpid()) + "-" + std::to_string(++n_) + ".xlsx"))
                    .string();
    zipFile z = zipOpen(path.c_str(), 0);
    for (const auto& [name, body] : parts) {
      zipOpenNewFileInZip(z, name.c_str(), nullptr, nullptr, 0, nullptr, 0, nullptr, Z_DEFLATED, 6);
      zipWriteInFileInZip(z, body.data(), static_cast<unsigned>(body.size()));
      zipCloseFileInZip(z);
    }
    zipClose(z, nullptr);
    files_.push_back(path);
    return path;
  }
  void TearDown() override {
    for (const auto& f : files_) std::filesystem::remove(f);
  }
  std::vector<std::string> files_;
  int n_ = 0;
};

TEST_F(Xlsx, ReadsTheNamedSheetWithEveryCellKind) {
  auto path = write({
      {"xl/sharedStrings.xml",
       R"(<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>code</t></si>)"
       R"(<si><r><t>Hà </t></r><r><t>Nội</t></r><rPh><t>ignored</t></rPh></si></sst>)"},
      {"xl/worksheets/sheet2.xml",
       sheet(
           R"(<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>start</t></is></c>)"
           R"(<c r="C1" t="inlineStr"><is><t>amount</t></is></c><c r="D1" t="inlineStr"><is><t>ok</t></is></c>)"
           R"(<c r="E1" t="inlineStr"><is><t>note</t></is></c></row>)"
           R"(<row r="3"><c r="A3" t="s"><v>1</v></c><c r="B3" s="1"><v>43191</v></c>)"
           R"(<c r="C3"><v>1000000.0</v></c><c r="D3" t="b"><v>1</v></c><c r="E3" t="str"><f>A3</f><v>a &amp; b</v></c></row>)"
           R"(<row r="4"><c r="B4" s="2"><v>43830</v></c><c r="C4"><v>1E+6</v></c><c r="D4" t="b"><v>0</v></c></row>)")},
  });
  XlsxOptions o;
  o.sheet = "Đề án";
  auto t = read_xlsx(path, o);
  ASSERT_TRUE(t) << t.error().message;
  EXPECT_EQ(t->header, (std::vector<std::string>{"code", "start", "amount", "ok", "note"}));
  ASSERT_EQ(t->rows.size(), 2u);
  EXPECT_EQ(t->rows[0],
            (std::vector<std::string>{"Hà Nội", "2018-04-01", "1000000", "true", "a & b"}));
  EXPECT_EQ(t->rows[1], (std::vector<std::string>{"", "2019-12-31", "1000000", "false", ""}));
  EXPECT_EQ(t->row_number(0), 3u);  // the spreadsheet's own row numbers
  EXPECT_EQ(t->row_number(1), 4u);

  auto first = read_xlsx(path);  // the first sheet by default
  ASSERT_TRUE(first);
  EXPECT_EQ(first->header, (std::vector<std::string>{"x"}));
  o.sheet = "Không có";
  auto missing = read_xlsx(path, o);
  ASSERT_FALSE(missing);
  EXPECT_NE(missing.error().fields.at(0).message.find("Đề án"), std::string::npos);
}

TEST_F(Xlsx, Dates1904AndSerials) {
  EXPECT_EQ(excel_serial_to_iso(1, false), "1900-01-01");
  EXPECT_EQ(excel_serial_to_iso(59, false), "1900-02-28");
  EXPECT_EQ(excel_serial_to_iso(61, false), "1900-03-01");
  EXPECT_EQ(excel_serial_to_iso(43191, false), "2018-04-01");
  EXPECT_EQ(excel_serial_to_iso(0, true), "1904-01-01");
  EXPECT_EQ(excel_serial_to_iso(41729, true), "2018-04-01");
  auto path = write({{"xl/workbook.xml", workbook(true)},
                     {"xl/worksheets/sheet1.xml",
                      sheet(R"(<row r="1"><c r="A1" t="inlineStr"><is><t>d</t></is></c></row>)"
                            R"(<row r="2"><c r="A2" s="1"><v>41729</v></c></row>)")}});
  auto t = read_xlsx(path);
  ASSERT_TRUE(t) << t.error().message;
  EXPECT_EQ(t->rows.at(0).at(0), "2018-04-01");
}

TEST_F(Xlsx, ErrorCellsAndFractionalDatesAreProblemsOfTheirCell) {
  auto path = write(
      {{"xl/worksheets/sheet1.xml",
        sheet(
            R"(<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c><c r="B1" t="inlineStr"><is><t>b</t></is></c></row>)"
            R"(<row r="2"><c r="A2" t="e"><v>#N/A</v></c><c r="B2" s="1"><v>43191.5</v></c></row>)")}});
  auto t = read_xlsx(path);
  ASSERT_FALSE(t);
  ASSERT_EQ(t.error().fields.size(), 2u);
  EXPECT_EQ(t.error().fields[0].field, "row 2, column A");
  EXPECT_NE(t.error().fields[0].message.find("#N/A"), std::string::npos);
  EXPECT_EQ(t.error().fields[1].field, "row 2, column B");
}

TEST_F(Xlsx, RefusesARowNumberedFourBillion) {
  auto path = write({{"xl/worksheets/sheet1.xml",
                      sheet(R"(<row r="4000000000"><c r="A4000000000"><v>1</v></c></row>)")}});
  auto t = read_xlsx(path);
  ASSERT_FALSE(t);
  EXPECT_EQ(t.error().kind, ErrorKind::too_large);
}

TEST_F(Xlsx, RefusesMoreRowsThanASheetHolds) {
  XlsxOptions o;
  o.max_rows = 1000;
  std::string rows;
  for (int i = 0; i < 1500; ++i) rows += "<row/>";
  auto t = read_xlsx(write({{"xl/worksheets/sheet1.xml", sheet(rows)}}), o);
  ASSERT_FALSE(t);
  EXPECT_EQ(t.error().kind, ErrorKind::too_large);
}

TEST_F(Xlsx, RefusesADecompressionBombWithinItsBound) {
  XlsxOptions o;
  o.limits.max_inflated = 1 << 20;
  std::string big = sheet("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>" +
                          std::string(4 << 20, 'a') + "</t></is></c></row>");
  auto t = read_xlsx(write({{"xl/worksheets/sheet1.xml", big}}), o);
  ASSERT_FALSE(t);
  EXPECT_EQ(t.error().kind, ErrorKind::too_large);
  EXPECT_NE(t.error().message.find("inflates"), std::string::npos);
}

TEST_F(Xlsx, RefusesTooManyZipEntries) {
  XlsxOptions o;
  o.limits.max_entries = 10;
  std::map<std::string, std::string> parts;
  for (int i = 0; i < 20; ++i) parts["junk/" + std::to_string(i)] = "x";
  auto t = read_xlsx(write(parts), o);
  ASSERT_FALSE(t);
  EXPECT_EQ(t.error().kind, ErrorKind::too_large);
}

TEST_F(Xlsx, MalformedXmlIsAnErrorNotZeroRows) {
  auto t = read_xlsx(write({{"xl/worksheets/sheet1.xml", "<worksheet><sheetData><row><c>"}}));
  ASSERT_FALSE(t);
  EXPECT_EQ(t.error().kind, ErrorKind::invalid_input);
  EXPECT_NE(t.error().message.find("XML"), std::string::npos);
  auto not_zip = write({}, false);
  std::filesystem::resize_file(not_zip, 0);
  EXPECT_FALSE(read_xlsx(not_zip));
}

}  // namespace
}  // namespace kc::io

// A report's book: the texts the PDF shows, the totals it computes, and the workbook read
// back by the project's own XLSX reader (the figures sheet, a table sheet under a long name).
#include <gtest/gtest.h>

#include <filesystem>

#include "app/report_book.h"
#include "io/table.h"
#include "io/zip_xml.h"

namespace kc::app {
namespace {

using io::CellKind;

io::Book sample() {
  io::Book b;
  b.title = "Báo cáo thử";
  b.subtitle = {"Chương trình: KCQG-2018"};
  io::BookTable t{"Theo vùng kinh tế - xã hội của cả nước năm 2018",  // over 31 characters
                  {{"Mã", CellKind::text},
                   {"Ngày", CellKind::date},
                   {"Số đề án", CellKind::count},
                   {"Kinh phí", CellKind::money},
                   {"Tỷ lệ", CellKind::rate}},
                  {},
                  true};
  t.rows.push_back({std::string("DBSH"), std::string("2017-12-28"), std::int64_t{46},
                    std::int64_t{19669000000}, 0.996});
  t.rows.push_back({std::string("TN"), std::monostate{}, std::int64_t{23},
                    std::int64_t{11041000000}, std::monostate{}});
  b.tables.push_back(t);
  b.figures = {{"section", "dimension", "key", "measure", "value"},
               {"by", "region", "DBSH", "plan_vnd", "19669000000"},
               {"rates", "", "", "completion_rate", "0.996"}};
  return b;
}

TEST(ReportBook, CellsReadTheVietnameseWay) {
  EXPECT_EQ(book_cell_text(CellKind::money, std::int64_t{120000000000}), "120.000.000.000");
  EXPECT_EQ(book_cell_text(CellKind::rate, 0.996), "99,6 %");
  EXPECT_EQ(book_cell_text(CellKind::count, 0.8618), "0,86");
  EXPECT_EQ(book_cell_text(CellKind::date, std::string("2017-12-28")), "28/12/2017");
  EXPECT_EQ(book_cell_text(CellKind::text, std::monostate{}), "");
}

TEST(ReportBook, TheDocumentEndsATableWithItsSums) {
  auto doc = book_document(sample());
  ASSERT_EQ(doc.sections.size(), 1u);
  EXPECT_TRUE(doc.sections[0].landscape);
  const auto& blocks = doc.sections[0].blocks;
  const auto& table = blocks.back().table;
  ASSERT_EQ(table.rows.size(), 3u);
  EXPECT_EQ(table.rows[2], (std::vector<std::string>{"Tổng cộng", "", "69", "30.710.000.000", ""}));
  EXPECT_TRUE(table.bold_rows[2]);
  EXPECT_EQ(table.rows[0][4], "99,6 %");
}

TEST(ReportBook, TheWorkbookReadsBack) {
  auto path = std::filesystem::temp_directory_path() / "kc-report-book-test.xlsx";
  ASSERT_TRUE(write_report_book(sample(), "xlsx", path.string(), "bao-cao").has_value());
  auto figures = io::read_table_file(path.string(), "Số liệu");
  ASSERT_TRUE(figures.has_value()) << figures.error().message;
  EXPECT_EQ(figures->header, sample().figures[0]);
  ASSERT_EQ(figures->rows.size(), 2u);
  EXPECT_EQ(figures->rows[0][4], "19669000000");
  EXPECT_EQ(figures->rows[1][4], "0.996");
  // The sheets: the table's, its name cut to 31 characters, then the figures.
  auto zip = io::ZipArchive::open(path.string());
  ASSERT_TRUE(zip.has_value());
  std::vector<std::string> sheets;
  io::ZipArchive::Handlers h;
  h.start = [&](std::string_view name, const io::ZipArchive::Attributes& attrs) {
    if (name == "sheet") sheets.emplace_back(io::attribute(attrs, "name"));
  };
  ASSERT_TRUE((*zip)->parse("xl/workbook.xml", h).has_value());
  EXPECT_EQ(sheets, (std::vector<std::string>{"Theo vùng kinh tế - xã hội của ", "Số liệu"}));
  std::filesystem::remove(path);
}

TEST(ReportBook, CsvIsTheFiguresAndOtherFormatsAreRefused) {
  auto path = std::filesystem::temp_directory_path() / "kc-report-book-test.csv";
  auto done = write_report_book(sample(), "csv", path.string(), "bao-cao");
  ASSERT_TRUE(done.has_value());
  EXPECT_EQ(done->rows, 2u);
  EXPECT_EQ(done->file_name, "bao-cao.csv");
  auto back = io::read_table_file(path.string());
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(back->rows[1][3], "completion_rate");
  std::filesystem::remove(path);
  auto bad = write_report_book(sample(), "docx", path.string(), "bao-cao");
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(bad.error().fields.at(0).field, "format");
}

}  // namespace
}  // namespace kc::app

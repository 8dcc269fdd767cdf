// The decision document: the template's dated parts chosen by the signing date, the heading's
// date written the administrative way, the appendix's amounts, and the DOCX body that carries
// every paragraph and cell escaped.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "app/decision_document.h"
#include "documents/docx.h"

using namespace kc;
using nlohmann::json;

namespace {

json load_template() {
  std::ifstream in(std::string(KC_SOURCE_DIR) + "/data/templates/decision.json");
  std::stringstream s;
  s << in.rdbuf();
  return json::parse(s.str());
}

app::Appendix appendix(const std::string& kind, const std::string& signed_on) {
  app::Appendix a;
  a.decision.kind = kind;
  a.decision.number = "12/QĐ-BCT";
  a.decision.signed_on = signed_on;
  a.decision.signer = "Nguyễn Văn A";
  a.decision.reason = "Hủy đề án <X> & bổ sung";
  a.program.year = 2026;
  a.header = {"TT", "Tên đề án", "Đơn vị thực hiện", "KCQG đã giao", "Điều chỉnh", "Sau", "Lý do"};
  a.numbers = {3, 4, 5};
  a.rows = {{"I", "Trung tâm A", "", "1000", "-250.5", "749.5", ""},
            {"1", "Đề án <một>", "Trung tâm A", "1000", "-250.5", "749.5", "Hủy"},
            {"", "Tổng cộng", "", "1000", "-250.5", "749.5", ""}};
  a.group_rows = {true, false, true};
  a.projects = 1;
  return a;
}

std::string all_text(const documents::Document& d) {
  std::string out;
  auto add = [&](const documents::Paragraph& p) {
    for (const auto& r : p.runs) out += r.text;
    out += "\n";
  };
  for (const auto& s : d.sections)
    for (const auto& b : s.blocks) {
      add(b.paragraph);
      for (const auto& p : b.columns.left) add(p);
      for (const auto& p : b.columns.right) add(p);
      for (const auto& row : b.table.rows)
        for (const auto& c : row) out += c + "\t";
    }
  return out;
}

}  // namespace

TEST(Documents, TheDateLineWritesSmallDaysAndJanuaryAndFebruaryWithAZero) {
  EXPECT_EQ(app::place_and_date("Hà Nội", {2025, 3, 5}), "Hà Nội, ngày 05 tháng 3 năm 2025");
  EXPECT_EQ(app::place_and_date("Hà Nội", {2021, 2, 14}), "Hà Nội, ngày 14 tháng 02 năm 2021");
  EXPECT_EQ(app::place_and_date("Hà Nội", {2017, 12, 28}), "Hà Nội, ngày 28 tháng 12 năm 2017");
}

TEST(Documents, RomanNumeralsAndMillions) {
  EXPECT_EQ(app::roman(1), "I");
  EXPECT_EQ(app::roman(4), "IV");
  EXPECT_EQ(app::roman(14), "XIV");
  EXPECT_EQ(app::roman(49), "XLIX");
  EXPECT_EQ(app::millions(873'000'000), "873");
  EXPECT_EQ(app::millions(1'500'000), "1.5");
  EXPECT_EQ(app::millions(-250'500'000), "-250.5");
  EXPECT_EQ(app::millions(1), "0.000001");
}

TEST(Documents, TheDepartmentAndTheLegalBasesAreThoseInForceOnTheSigningDate) {
  json t = load_template();
  auto in2016 = app::decision_document(appendix("plan", "2016-12-12"), t);
  ASSERT_TRUE(in2016);
  std::string a = all_text(*in2016);
  EXPECT_NE(a.find("Theo đề nghị của Cục trưởng Cục Công nghiệp địa phương,"), std::string::npos);
  EXPECT_NE(a.find("95/2012/NĐ-CP"), std::string::npos);
  EXPECT_EQ(a.find("235/2025/NĐ-CP"), std::string::npos);

  auto in2025 = app::decision_document(appendix("plan", "2025-11-20"), t);
  ASSERT_TRUE(in2025);
  std::string b = all_text(*in2025);
  EXPECT_NE(b.find("Cục Đổi mới sáng tạo, Chuyển đổi xanh và Khuyến công"), std::string::npos);
  EXPECT_NE(b.find("235/2025/NĐ-CP"), std::string::npos);
  EXPECT_NE(b.find("40/2025/NĐ-CP"), std::string::npos);
  EXPECT_EQ(b.find("98/2017/NĐ-CP"), std::string::npos);
  EXPECT_NE(b.find("Hà Nội, ngày 20 tháng 11 năm 2025"), std::string::npos);
}

TEST(Documents, AnAdjustmentStatesItsReasonAndNetChangeTheVietnameseWay) {
  auto d = app::decision_document(appendix("adjustment", "2018-09-20"), load_template());
  ASSERT_TRUE(d);
  std::string s = all_text(*d);
  EXPECT_NE(s.find("Về việc điều chỉnh kế hoạch kinh phí khuyến công quốc gia năm 2026"),
            std::string::npos);
  EXPECT_NE(s.find("(Hủy đề án <X> & bổ sung)"), std::string::npos);
  EXPECT_NE(s.find("−250,5 triệu đồng"), std::string::npos);
  EXPECT_NE(s.find("1.000\t"), std::string::npos);  // thousands with a dot in the appendix
  ASSERT_EQ(d->sections.size(), 2u);
  EXPECT_TRUE(d->sections[1].landscape);
}

TEST(Documents, TheDocxBodyEscapesTextAndEndsEachSection) {
  auto d = app::decision_document(appendix("adjustment", "2018-09-20"), load_template());
  ASSERT_TRUE(d);
  std::string xml = documents::document_xml(*d);
  EXPECT_NE(xml.find("Hủy đề án &lt;X&gt; &amp; bổ sung"), std::string::npos);
  EXPECT_EQ(xml.find("<X>"), std::string::npos);
  EXPECT_NE(xml.find("Đề án &lt;một&gt;"), std::string::npos);
  // Two sections: the decision (portrait), then the landscape appendix ending the body.
  std::size_t first = xml.find("<w:sectPr>"), second = xml.find("<w:sectPr>", first + 1);
  ASSERT_NE(second, std::string::npos);
  EXPECT_EQ(xml.find("w:orient=\"landscape\""), xml.find("w:orient=\"landscape\"", second));
  EXPECT_TRUE(xml.ends_with("</w:sectPr></w:body></w:document>"));
}

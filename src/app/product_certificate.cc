// A typical product's certificate (giấy chứng nhận sản phẩm công nghiệp nông thôn tiêu biểu):
// the product, its group, the facility and its province, the level (and area), the year of
// the round, the dates of recognition and validity, and the code the public page verifies.
#include "app/decision_document.h"
#include "app/typical_products.h"
#include "documents/document.h"
#include "domain/date.h"
#include "store/product_repo.h"
#include "store/reference_repo.h"

namespace kc::app {
namespace {

using documents::Align;
using documents::block;
using documents::text;
using documents::tight;

std::string level_words(const store::TypicalProduct& p) {
  if (p.level == "commune") return "cấp xã";
  if (p.level == "district") return "cấp huyện";
  if (p.level == "provincial") return "cấp tỉnh";
  if (p.level == "national") return "cấp quốc gia";
  const char* area = p.area_code == "BAC"     ? "miền Bắc"
                     : p.area_code == "TRUNG" ? "miền Trung - Tây Nguyên"
                                              : "miền Nam";
  return std::string("cấp khu vực ") + area;
}

std::string group_words(const std::string& g) {
  if (g == "handicraft") return "Thủ công mỹ nghệ";
  if (g == "processed_food") return "Chế biến nông, lâm, thủy sản và thực phẩm";
  if (g == "machinery") return "Thiết bị, máy móc, dụng cụ, phụ tùng cơ khí";
  return "Sản phẩm khác";
}

std::string vn(const std::string& iso) {
  auto d = parse_date(iso);
  return d ? to_vn(*d) : iso;
}

}  // namespace

Result<ExportResult> export_certificate(store::Connection& db, const Actor& a, std::int64_t id,
                                        const std::string& format, const std::string& path) {
  if (format != "pdf" && format != "docx")
    return std::unexpected(Error::invalid(
        "invalid query", {{"format", FieldCode::one_of, {{"allowed", "pdf, docx"}}}}));
  if (!may(a, Permission::read_places)) return std::unexpected(Error::forbidden());
  auto tx = store::Transaction::read(db);
  if (!tx) return std::unexpected(tx.error());
  auto p = store::get_product(db, id);
  if (!p) return std::unexpected(p.error());
  auto province = store::find_province(db, {"2025", p->province_2025});
  if (!province) return std::unexpected(province.error());
  documents::Table facts;
  facts.header = {"Mục", "Nội dung"};
  facts.widths = {1, 2.4};
  facts.rows = {{"Tên sản phẩm", p->name},
                {"Nhóm sản phẩm", group_words(p->group)},
                {"Cơ sở sản xuất", p->facility_name},
                {"Tỉnh, thành phố", *province ? (*province)->name_vi : p->province_2025},
                {"Cấp công nhận", level_words(*p)},
                {"Năm bình chọn", std::to_string(p->year)},
                {"Ngày công nhận", vn(p->recognized_on)},
                {"Có giá trị đến", vn(p->valid_until)},
                {"Mã xác minh", p->verify_code}};
  documents::Section s;
  s.blocks.push_back(block(tight(text("GIẤY CHỨNG NHẬN", Align::center, true))));
  s.blocks.push_back(block(
      tight(text("SẢN PHẨM CÔNG NGHIỆP NÔNG THÔN TIÊU BIỂU", Align::center, true, false, 14))));
  s.blocks.push_back(block(text(level_words(*p), Align::center, true, false, 13)));
  s.blocks.push_back(block(text("Số: " + p->certificate_no, Align::center, false, true, 12)));
  s.blocks.push_back(block(facts));
  s.blocks.push_back(
      block(text("Tra cứu tính xác thực tại trang công khai của chương trình khuyến công với mã " +
                     p->verify_code + ".",
                 Align::left, false, true, 11)));
  documents::Document d;
  d.title = "Giấy chứng nhận sản phẩm CNNT tiêu biểu " + p->certificate_no;
  d.sections.push_back(std::move(s));
  (void)tx->commit();
  return write_document(d, format, path, "giay-chung-nhan-" + p->verify_code, 1);
}

}  // namespace kc::app

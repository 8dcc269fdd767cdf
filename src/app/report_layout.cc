#include "app/report_layout.h"

#include "domain/date.h"
#include "store/reference_repo.h"
#include "store/register_repo.h"

namespace kc::app {

const std::vector<std::string>& ReportLayout::header() {
  static const std::vector<std::string> h{"STT",
                                          "Mã đề án",
                                          "Tên đề án",
                                          "Năm",
                                          "Chương trình",
                                          "Nội dung",
                                          "Địa bàn",
                                          "Đơn vị thực hiện",
                                          "Loại đề án",
                                          "Kinh phí khuyến công (đồng)",
                                          "Vốn đối ứng (đồng)",
                                          "Tổng kinh phí (đồng)",
                                          "Bắt đầu",
                                          "Kết thúc",
                                          "Trạng thái"};
  return h;
}

std::vector<std::size_t> ReportLayout::number_columns() {
  return {0, 3, 9, 10, 11};
}

std::string status_name_vi(const std::string& status) {
  static const std::map<std::string, std::string> names{{"draft", "Nháp"},
                                                        {"submitted", "Đã nộp"},
                                                        {"appraised", "Đã thẩm định"},
                                                        {"approved", "Đã duyệt"},
                                                        {"contracted", "Đã ký hợp đồng"},
                                                        {"in_progress", "Đang thực hiện"},
                                                        {"completed", "Hoàn thành"},
                                                        {"cancelled", "Đã hủy"}};
  auto it = names.find(status);
  return it == names.end() ? status : it->second;
}

namespace {

std::string kind_name_vi(const std::string& kind) {
  if (kind == "point") return "Trọng điểm";
  if (kind == "group") return "Nhóm";
  return "Thường xuyên";
}

std::string vn_date(const Date& d) {
  std::string iso = to_iso(d);  // YYYY-MM-DD
  return iso.size() == 10 ? iso.substr(8, 2) + "/" + iso.substr(5, 2) + "/" + iso.substr(0, 4)
                          : iso;
}

}  // namespace

Result<std::string> ReportLayout::name_of(std::map<std::int64_t, std::string>& memo,
                                          std::int64_t id, bool program) {
  if (auto it = memo.find(id); it != memo.end()) return it->second;
  std::string name;
  if (program) {
    auto p = store::get_program(db_, id);
    if (!p && p.error().kind != ErrorKind::not_found) return std::unexpected(p.error());
    if (p) name = p->name;
  } else {
    auto o = store::get_organization(db_, id);
    if (!o && o.error().kind != ErrorKind::not_found) return std::unexpected(o.error());
    if (o) name = o->name;
  }
  return memo[id] = name;
}

Result<std::vector<std::string>> ReportLayout::row(std::size_t n, const Project& p) {
  auto program = name_of(programs_, p.program_id, true);
  if (!program) return std::unexpected(program.error());
  auto org = name_of(organizations_, p.implementing_org_id, false);
  if (!org) return std::unexpected(org.error());
  auto content = store::find_content(db_, p.content_code);
  if (!content) return std::unexpected(content.error());
  std::string places;
  for (const auto& ref : p.provinces) {
    auto f = store::find_province(db_, ref);
    if (!f) return std::unexpected(f.error());
    places += (places.empty() ? "" : ", ") + (*f ? (*f)->name_vi : ref.code);
  }
  requested_ += p.requested_vnd, counterpart_ += p.counterpart_vnd, total_ += p.total_vnd;
  return std::vector<std::string>{std::to_string(n),
                                  p.code,
                                  p.title,
                                  std::to_string(p.year),
                                  *program,
                                  p.content_code + (*content ? " — " + (*content)->name_vi : ""),
                                  places,
                                  *org,
                                  kind_name_vi(p.kind),
                                  std::to_string(p.requested_vnd),
                                  std::to_string(p.counterpart_vnd),
                                  std::to_string(p.total_vnd),
                                  vn_date(p.start),
                                  vn_date(p.end),
                                  status_name_vi(p.status)};
}

std::vector<std::string> ReportLayout::totals() const {
  std::vector<std::string> row(header().size());
  row[1] = "Tổng cộng";
  row[9] = std::to_string(requested_);
  row[10] = std::to_string(counterpart_);
  row[11] = std::to_string(total_);
  return row;
}

}  // namespace kc::app

#include "app/report_layout.h"

#include <array>

#include "domain/date.h"
#include "store/reference_repo.h"
#include "store/register_repo.h"

namespace kc::app {

namespace {

// The columns of the layout, in order: the header, the row, the number columns and the totals
// row all index this one table.
enum Col : std::size_t {
  kNumber,
  kCode,
  kTitle,
  kYear,
  kProgram,
  kContent,
  kPlaces,
  kUnit,
  kKind,
  kRequested,
  kCounterpart,
  kTotal,
  kStart,
  kEnd,
  kStatus,
  kColumns
};

struct Column {
  const char* header;
  bool number;
};

constexpr std::array<Column, kColumns> kTable{{{"STT", true},
                                               {"Mã đề án", false},
                                               {"Tên đề án", false},
                                               {"Năm", true},
                                               {"Chương trình", false},
                                               {"Nội dung", false},
                                               {"Địa bàn", false},
                                               {"Đơn vị thực hiện", false},
                                               {"Loại đề án", false},
                                               {"Kinh phí khuyến công (đồng)", true},
                                               {"Vốn đối ứng (đồng)", true},
                                               {"Tổng kinh phí (đồng)", true},
                                               {"Bắt đầu", false},
                                               {"Kết thúc", false},
                                               {"Trạng thái", false}}};

}  // namespace

const std::vector<std::string>& ReportLayout::header() {
  static const std::vector<std::string> h = [] {
    std::vector<std::string> out;
    for (const auto& c : kTable) out.emplace_back(c.header);
    return out;
  }();
  return h;
}

std::vector<std::size_t> ReportLayout::number_columns() {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < kTable.size(); ++i)
    if (kTable[i].number) out.push_back(i);
  return out;
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
  std::vector<std::string> r(kColumns);
  r[kNumber] = std::to_string(n);
  r[kCode] = p.code;
  r[kTitle] = p.title;
  r[kYear] = std::to_string(p.year);
  r[kProgram] = *program;
  r[kContent] = p.content_code + (*content ? " — " + (*content)->name_vi : "");
  r[kPlaces] = places;
  r[kUnit] = *org;
  r[kKind] = kind_name_vi(p.kind);
  r[kRequested] = std::to_string(p.requested_vnd);
  r[kCounterpart] = std::to_string(p.counterpart_vnd);
  r[kTotal] = std::to_string(p.total_vnd);
  r[kStart] = vn_date(p.start);
  r[kEnd] = vn_date(p.end);
  r[kStatus] = status_name_vi(p.status);
  return r;
}

std::vector<std::string> ReportLayout::totals() const {
  std::vector<std::string> row(kColumns);
  row[kCode] = "Tổng cộng";
  row[kRequested] = std::to_string(requested_);
  row[kCounterpart] = std::to_string(counterpart_);
  row[kTotal] = std::to_string(total_);
  return row;
}

}  // namespace kc::app

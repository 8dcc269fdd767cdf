// The annual report's book: the report's JSON laid out as the tables an official reads, in
// Vietnamese, with the same figures (report_rows) for the CSV and the workbook's last sheet.
#include "app/annual_report.h"
#include "app/reference.h"
#include "app/report_book.h"

namespace kc::app {
namespace {

using io::BookCell;
using io::BookColumn;
using io::BookTable;
using io::CellKind;
using nlohmann::json;

std::int64_t num(const json& v) {
  return v.is_number() ? v.get<std::int64_t>() : 0;
}

const char* kind_name(const std::string& k) {
  if (k == "point") return "Đề án điểm";
  if (k == "group") return "Đề án nhóm";
  return "Đề án thường";
}

BookTable overview(const json& r) {
  BookTable t{"Tổng quan",
              {{"Chỉ tiêu", CellKind::text, 48},
               {"Số lượng", CellKind::count, 12},
               {"Kinh phí (đồng)", CellKind::money, 20},
               {"Tỷ lệ", CellKind::rate, 10}},
              {},
              false};
  const auto &p = r["projects"], &f = r["funds"];
  auto row = [&](std::string what, BookCell n, BookCell vnd, BookCell rate = {}) {
    t.rows.push_back({std::move(what), std::move(n), std::move(vnd), std::move(rate)});
  };
  row("Kinh phí được giao", {}, num(r["envelope_vnd"]));
  row("Quyết định giao và điều chỉnh kế hoạch", num(r["decisions"]["count"]), {});
  row("Đề án trong kế hoạch", num(p["planned"]), num(f["plan_vnd"]));
  row("Đề án đã ký hợp đồng", num(p["contracted"]), num(f["contracted_vnd"]));
  row("Đề án đã nghiệm thu", num(p["accepted"]), num(f["accepted_vnd"]),
      r["completion_rate"].get<double>());
  row("Kinh phí đã giải ngân", {}, num(f["disbursed_vnd"]), r["disbursement_rate"].get<double>());
  row("Vốn đối ứng huy động", {}, num(f["counterpart_vnd"]));
  row("Vốn đối ứng trên 1 đồng kinh phí khuyến công",
      r["counterpart_per_program_vnd"].get<double>(), {});
  const auto& c = r["cluster_projects"];
  row("Đề án cụm công nghiệp", num(c["total"]), {});
  row("  - lập quy hoạch chi tiết", num(c["detailed_plan"]), {});
  row("  - đầu tư hạ tầng kỹ thuật", num(c["infrastructure"]), {});
  return t;
}

BookTable decisions(const json& r) {
  BookTable t{"Quyết định",
              {{"Số quyết định", CellKind::text, 18},
               {"Loại", CellKind::text, 16},
               {"Ngày ký", CellKind::date, 12},
               {"Chương trình", CellKind::text, 16},
               {"Kinh phí (đồng)", CellKind::money, 20}},
              {},
              true};
  for (const auto& d : r["decisions"]["items"])
    t.rows.push_back({d["number"].get<std::string>(),
                      std::string(d["kind"] == "plan" ? "Giao kế hoạch" : "Điều chỉnh"),
                      d["signed_on"].get<std::string>(), d["program"].get<std::string>(),
                      num(d["amount_vnd"])});
  return t;
}

Result<BookTable> breakdown(ReferenceNames& names, const json& groups, std::string title,
                            const char* list, const char* heading) {
  BookTable t{std::move(title),
              {{"Mã", CellKind::text, 10},
               {heading, CellKind::text, 44},
               {"Số đề án", CellKind::count, 10},
               {"Kinh phí khuyến công (đồng)", CellKind::money, 20},
               {"Vốn đối ứng (đồng)", CellKind::money, 20}},
              {},
              true};
  for (const auto& [key, g] : groups.items()) {
    std::string name = kind_name(key);
    if (list) {
      auto n = names.name(list, key);
      if (!n) return std::unexpected(n.error());
      name = *n;
    }
    t.rows.push_back(
        {key, name, num(g["projects"]), num(g["plan_vnd"]), num(g["counterpart_vnd"])});
  }
  return t;
}

Result<BookTable> outputs(store::Connection& db, const json& r) {
  BookTable t{"Kết quả theo chỉ tiêu",
              {{"Mã", CellKind::text, 22},
               {"Chỉ tiêu", CellKind::text, 52},
               {"Đơn vị", CellKind::text, 12},
               {"Kế hoạch", CellKind::count, 12},
               {"Thực hiện", CellKind::count, 12}},
              {},
              false};
  auto list = list_reference(db, "indicators");
  if (!list) return std::unexpected(list.error());
  for (const auto& i : (*list)["items"]) {
    std::string code = i["code"].get<std::string>();
    if (!r["outputs"].contains(code)) continue;
    const auto& o = r["outputs"][code];
    t.rows.push_back({code, i["name_vi"].get<std::string>(), i["unit_vi"].get<std::string>(),
                      num(o["planned"]), num(o["actual"])});
  }
  return t;
}

}  // namespace

Result<io::Book> annual_book(store::Connection& db, const json& r) {
  io::Book b;
  b.title =
      "BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH KHUYẾN CÔNG NĂM " + std::to_string(r["year"].get<int>());
  std::string programs;
  for (const auto& p : r["programs"])
    programs += (programs.empty() ? "" : ", ") + p.get<std::string>();
  b.subtitle.push_back("Chương trình: " + (programs.empty() ? std::string("—") : programs));
  b.tables.push_back(overview(r));
  b.tables.push_back(decisions(r));
  ReferenceNames names(db);
  for (auto [dim, title, list, heading] :
       {std::tuple{"content", "Theo nội dung", "contents", "Nội dung"},
        std::tuple{"kind", "Theo loại đề án", (const char*)nullptr, "Loại đề án"},
        std::tuple{"region", "Theo vùng", "regions", "Vùng"},
        std::tuple{"province", "Theo tỉnh, thành phố", "provinces-2025", "Tỉnh, thành phố"}}) {
    auto t = breakdown(names, r["by"][dim], title, list, heading);
    if (!t) return std::unexpected(t.error());
    b.tables.push_back(std::move(*t));
  }
  auto o = outputs(db, r);
  if (!o) return std::unexpected(o.error());
  b.tables.push_back(std::move(*o));
  b.figures = report_rows(r);
  return b;
}

}  // namespace kc::app

// The annual report's book: the report's JSON laid out as the tables an official reads, in
// Vietnamese, with the same figures (report_rows) for the CSV and the workbook's last sheet.
#include "app/annual_report.h"
#include "app/reference.h"
#include "app/report_book.h"
#include "app/report_figures.h"

namespace kc::app {
namespace {

using io::BookCell;
using io::BookTable;
using io::CellKind;
using nlohmann::json;

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
  row("Kinh phí được giao", {}, figure_int(r["envelope_vnd"]));
  row("Quyết định giao và điều chỉnh kế hoạch", figure_int(r["decisions"]["count"]), {});
  row("Đề án trong kế hoạch", figure_int(p["planned"]), figure_int(f["plan_vnd"]));
  row("Đề án đã ký hợp đồng", figure_int(p["contracted"]), figure_int(f["contracted_vnd"]));
  row("Đề án đã nghiệm thu", figure_int(p["accepted"]), figure_int(f["accepted_vnd"]),
      r["completion_rate"].get<double>());
  row("Kinh phí đã giải ngân", {}, figure_int(f["disbursed_vnd"]),
      r["disbursement_rate"].get<double>());
  row("Vốn đối ứng huy động", {}, figure_int(f["counterpart_vnd"]));
  row("Vốn đối ứng trên 1 đồng kinh phí khuyến công",
      r["counterpart_per_program_vnd"].get<double>(), {});
  const auto& c = r["cluster_projects"];
  row("Đề án cụm công nghiệp", figure_int(c["total"]), {});
  row("  - lập quy hoạch chi tiết", figure_int(c["detailed_plan"]), {});
  row("  - đầu tư hạ tầng kỹ thuật", figure_int(c["infrastructure"]), {});
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
                      figure_int(d["amount_vnd"])});
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
  if (auto line = as_of_line(r["data_as_of"]); !line.empty()) b.subtitle.push_back(line);
  b.tables.push_back(overview(r));
  b.tables.push_back(decisions(r));
  ReferenceNames names(db);
  for (auto [dim, title, list, heading] :
       {std::tuple{"content", "Theo nội dung", "contents", "Nội dung"},
        std::tuple{"group", "Theo nhóm nhiệm vụ", "report-groups", "Nhóm nhiệm vụ"},
        std::tuple{"kind", "Theo loại đề án", (const char*)nullptr, "Loại đề án"},
        std::tuple{"region", "Theo vùng", "regions", "Vùng"},
        std::tuple{"province", "Theo tỉnh, thành phố", "provinces-2025", "Tỉnh, thành phố"}}) {
    auto t = groups_table(names, r["by"][dim], title, list, heading);
    if (!t) return std::unexpected(t.error());
    b.tables.push_back(std::move(*t));
  }
  auto o = outputs_table(db, r["outputs"]);
  if (!o) return std::unexpected(o.error());
  b.tables.push_back(std::move(*o));
  b.figures = report_rows(r);
  return b;
}

}  // namespace kc::app

#include "app/project_sheet.h"

#include "app/decision_document.h"
#include "app/projects.h"
#include "app/reference.h"
#include "app/report_layout.h"
#include "app/workflow.h"
#include "documents/document.h"
#include "domain/date.h"
#include "domain/money.h"

namespace kc::app {

namespace {
using documents::Align;
using documents::block;
using documents::text;
using documents::tight;
}  // namespace

Result<ExportResult> export_project_sheet(store::Connection& db, const Actor& a, std::int64_t id,
                                          const std::string& format, const std::string& path) {
  if (format != "pdf" && format != "docx")
    return std::unexpected(Error::invalid(
        "invalid query", {{"format", FieldCode::one_of, {{"allowed", "pdf, docx"}}}}));
  auto tx = store::Transaction::read(db);
  if (!tx) return std::unexpected(tx.error());
  auto p = get_project(db, a, id);
  if (!p) return std::unexpected(p.error());
  ReportLayout layout(db);
  auto row = layout.row(1, *p);
  if (!row) return std::unexpected(row.error());
  const auto& header = ReportLayout::header();
  documents::Table facts;
  facts.header = {"Mục", "Nội dung"};
  facts.widths = {1, 2.4};
  for (std::size_t i = 1; i < header.size(); ++i) {  // after STT
    bool is_money = header[i].find("(đồng)") != std::string::npos;
    std::string label = header[i];
    if (is_money) label = label.substr(0, label.find(" (đồng)"));
    facts.rows.push_back({label, is_money ? format_vnd(std::stoll((*row)[i])) : (*row)[i]});
  }
  auto indicators = app::list_reference(db, "indicators");
  if (!indicators) return std::unexpected(indicators.error());
  documents::Table outputs;
  outputs.header = {"Chỉ tiêu", "Đơn vị", "Số lượng"};
  outputs.widths = {3, 1, 1};
  outputs.right_aligned = {false, false, true};
  for (const auto& o : p->outputs) {
    std::string name = o.indicator, unit;
    for (const auto& ind : (*indicators)["items"])
      if (ind.value("code", "") == o.indicator)
        name = ind.value("name_vi", o.indicator), unit = ind.value("unit_vi", "");
    outputs.rows.push_back({name, unit, std::to_string(o.quantity)});
  }
  documents::Section s;
  s.blocks.push_back(block(tight(text("PHIẾU THÔNG TIN ĐỀ ÁN KHUYẾN CÔNG", Align::center, true))));
  s.blocks.push_back(block(text(p->code + " — " + p->title, Align::center, false, true, 13)));
  s.blocks.push_back(block(facts));
  s.blocks.push_back(block(text("Sản phẩm, chỉ tiêu dự kiến", Align::left, true, false, 13)));
  if (outputs.rows.empty())
    s.blocks.push_back(block(text("Chưa đăng ký chỉ tiêu.", Align::left, false, true, 12)));
  else
    s.blocks.push_back(block(outputs));
  s.blocks.push_back(
      block(text("Trích từ hệ thống Khuyến Công ngày " + to_vn(vietnam_today()) + ".", Align::right,
                 false, true, 11)));
  documents::Document d;
  d.title = "Phiếu thông tin đề án " + p->code;
  d.sections.push_back(std::move(s));
  (void)tx->commit();
  return write_document(d, format, path, "phieu-de-an-" + p->code, 1);
}

}  // namespace kc::app

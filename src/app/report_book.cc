#include "app/report_book.h"

#include <fmt/format.h>

#include <cmath>

#include "app/decision_document.h"
#include "app/reference.h"
#include "domain/date.h"
#include "io/table_writer.h"

namespace kc::app {

using io::BookCell;
using io::CellKind;

bool is_report_format(const std::string& format) {
  return format == "json" || format == "csv" || format == "xlsx" || format == "pdf";
}

std::string book_cell_text(CellKind kind, const BookCell& v) {
  if (std::holds_alternative<std::monostate>(v)) return "";
  if (const auto* i = std::get_if<std::int64_t>(&v)) return vn_millions(std::to_string(*i));
  if (const auto* d = std::get_if<double>(&v)) {
    if (kind == CellKind::rate) return vn_millions(fmt::format("{:.1f}", *d * 100)) + " %";
    return vn_millions(fmt::format("{:.2f}", *d));
  }
  const auto& s = std::get<std::string>(v);
  if (kind == CellKind::date)
    if (auto d = parse_date(s)) return to_vn(*d);
  return s;
}

documents::Document book_document(const io::Book& b) {
  using namespace documents;
  Document doc;
  doc.title = b.title;
  Section s;
  s.landscape = true;
  s.blocks.push_back(block(tight(text(b.title, Align::center, true, false, 15))));
  for (const auto& line : b.subtitle)
    s.blocks.push_back(block(tight(text(line, Align::center, false, true, 12))));
  for (const auto& t : b.tables) {
    Paragraph heading = text(t.title, Align::left, true, false, 13);
    s.blocks.push_back(block(heading));
    Table table;
    table.size_pt = 10;
    for (const auto& c : t.columns) {
      table.header.push_back(c.title);
      table.widths.push_back(c.width);
      table.right_aligned.push_back(c.kind != CellKind::text && c.kind != CellKind::date);
    }
    for (const auto& row : t.rows) {
      std::vector<std::string> cells;
      for (std::size_t c = 0; c < t.columns.size(); ++c)
        cells.push_back(c < row.size() ? book_cell_text(t.columns[c].kind, row[c]) : "");
      table.rows.push_back(std::move(cells));
      table.bold_rows.push_back(false);
    }
    if (t.totals) {
      std::vector<std::string> cells{"Tổng cộng"};
      for (std::size_t c = 1; c < t.columns.size(); ++c) {
        auto k = t.columns[c].kind;
        cells.push_back(k == CellKind::count || k == CellKind::money
                            ? book_cell_text(k, io::column_sum(t, c))
                            : "");
      }
      table.rows.push_back(std::move(cells));
      table.bold_rows.push_back(true);
    }
    s.blocks.push_back(block(std::move(table)));
  }
  doc.sections.push_back(std::move(s));
  return doc;
}

Result<ExportResult> write_report_book(const io::Book& b, const std::string& format,
                                       const std::string& path, const std::string& stem) {
  std::size_t figures = b.figures.empty() ? 0 : b.figures.size() - 1;
  if (format == "pdf") return write_document(book_document(b), "pdf", path, stem, figures);
  ExportResult out;
  out.rows = figures;
  out.file_name = stem + "." + format;
  if (format == "xlsx") {
    if (auto s = io::write_book_xlsx(b, path); !s) return std::unexpected(s.error());
    out.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    return out;
  }
  if (format != "csv" || b.figures.empty())
    return std::unexpected(Error::invalid(
        "invalid query", {{"format", FieldCode::one_of, {{"allowed", kReportFormats}}}}));
  auto writer = io::open_table_writer(path, "csv", b.title, b.figures.front(), {});
  if (!writer) return std::unexpected(writer.error());
  for (std::size_t i = 1; i < b.figures.size(); ++i)
    if (auto s = (*writer)->add_row(b.figures[i]); !s) return std::unexpected(s.error());
  if (auto s = (*writer)->close(); !s) return std::unexpected(s.error());
  out.content_type = "text/csv; charset=utf-8";
  return out;
}

std::int64_t figure_int(const nlohmann::json& v) {
  return v.is_number() ? v.get<std::int64_t>() : 0;
}

namespace {

const char* kind_name(const std::string& k) {
  if (k == "point") return "Đề án điểm";
  if (k == "group") return "Đề án nhóm";
  return "Đề án thường";
}

}  // namespace

Result<io::BookTable> groups_table(ReferenceNames& names, const nlohmann::json& groups,
                                   std::string title, const char* list, const char* heading) {
  io::BookTable t{std::move(title),
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
    t.rows.push_back({key, name, figure_int(g["projects"]), figure_int(g["plan_vnd"]),
                      figure_int(g["counterpart_vnd"])});
  }
  return t;
}

Result<io::BookTable> outputs_table(store::Connection& db, const nlohmann::json& outputs) {
  io::BookTable t{"Kết quả theo chỉ tiêu",
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
    if (!outputs.contains(code)) continue;
    const auto& o = outputs[code];
    t.rows.push_back({code, i["name_vi"].get<std::string>(), i["unit_vi"].get<std::string>(),
                      figure_int(o["planned"]), figure_int(o["actual"])});
  }
  return t;
}

Result<std::string> ReferenceNames::name(const std::string& list, const std::string& code,
                                         const char* column) {
  auto it = lists_.find(list);
  if (it == lists_.end()) {
    auto l = list_reference(db_, list);
    if (!l) return std::unexpected(l.error());
    nlohmann::json by_code = nlohmann::json::object();
    for (const auto& item : (*l)["items"])
      if (item.contains("code") && item["code"].is_string())
        by_code[item["code"].get<std::string>()] = item;
    it = lists_.emplace(list, std::move(by_code)).first;
  }
  auto found = it->second.find(code);
  if (found == it->second.end() || !found->contains(column) || !(*found)[column].is_string())
    return code;
  return (*found)[column].get<std::string>();
}

}  // namespace kc::app

#include <xlsxwriter.h>

#include <cstdio>
#include <memory>

#include "domain/date.h"
#include "io/csv.h"
#include "io/report_book.h"

namespace kc::io {
namespace {

std::string column_letters(std::size_t c) {
  std::string s;
  for (++c; c > 0; c = (c - 1) / 26) s.insert(s.begin(), char('A' + (c - 1) % 26));
  return s;
}

// A sheet's name: at most 31 characters, none of []:*?/\\.
std::string sheet_name(std::string title) {
  for (char& ch : title)
    if (std::string_view("[]:*?/\\").find(ch) != std::string_view::npos) ch = '-';
  std::size_t chars = 0;
  for (std::size_t i = 0; i < title.size(); ++i)
    if ((static_cast<unsigned char>(title[i]) & 0xC0) != 0x80 && ++chars > 31)
      return title.substr(0, i);
  return title;
}

bool summed(CellKind k) {
  return k == CellKind::count || k == CellKind::money;
}

class BookWriter {
 public:
  explicit BookWriter(lxw_workbook* wb) : wb_(wb) {
    bold_ = workbook_add_format(wb_);
    format_set_bold(bold_);
    header_ = workbook_add_format(wb_);
    format_set_bold(header_);
    format_set_text_wrap(header_);
    format_set_align(header_, LXW_ALIGN_CENTER);
    format_set_align(header_, LXW_ALIGN_VERTICAL_CENTER);
    format_set_border(header_, LXW_BORDER_THIN);
    title_ = workbook_add_format(wb_);
    format_set_bold(title_);
    format_set_font_size(title_, 14);
    for (bool b : {false, true}) {
      auto make = [&](const char* num) {
        lxw_format* f = workbook_add_format(wb_);
        if (num) format_set_num_format(f, num);
        format_set_border(f, LXW_BORDER_THIN);
        if (b) format_set_bold(f);
        return f;
      };
      cell_[b][0] = make(nullptr);
      cell_[b][1] = make("#,##0");
      cell_[b][2] = make("0.0%");
      cell_[b][3] = make("dd/mm/yyyy");
      cell_[b][4] = make("#,##0.00");
      format_set_text_wrap(cell_[b][0]);
    }
  }

  lxw_error table(const Book& b, const BookTable& t) {
    lxw_worksheet* ws = workbook_add_worksheet(wb_, sheet_name(t.title).c_str());
    if (!ws) return LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE;
    lxw_row_t r = 0;
    if (auto e = worksheet_write_string(ws, r++, 0, b.title.c_str(), title_)) return e;
    if (auto e = worksheet_write_string(ws, r++, 0, t.title.c_str(), bold_)) return e;
    for (const auto& line : b.subtitle)
      if (auto e = worksheet_write_string(ws, r++, 0, line.c_str(), nullptr)) return e;
    ++r;
    const lxw_row_t header_row = r;
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
      auto col = static_cast<lxw_col_t>(c);
      worksheet_set_column(ws, col, col, t.columns[c].width, nullptr);
      if (auto e = worksheet_write_string(ws, r, col, t.columns[c].title.c_str(), header_))
        return e;
    }
    worksheet_set_row(ws, r, 30, nullptr);
    worksheet_freeze_panes(ws, r + 1, 0);
    ++r;
    for (const auto& row : t.rows) {
      for (std::size_t c = 0; c < t.columns.size(); ++c)
        if (auto e = cell(ws, r, c, t.columns[c].kind, c < row.size() ? row[c] : BookCell{}, false))
          return e;
      ++r;
    }
    if (!t.totals) return LXW_NO_ERROR;
    if (auto e = worksheet_write_string(ws, r, 0, "Tổng cộng", cell_[1][0])) return e;
    for (std::size_t c = 1; c < t.columns.size(); ++c) {
      auto col = static_cast<lxw_col_t>(c);
      if (!summed(t.columns[c].kind)) {
        if (auto e = worksheet_write_blank(ws, r, col, cell_[1][0])) return e;
        continue;
      }
      std::string letters = column_letters(c);
      std::string formula = t.rows.empty() ? "=0"
                                           : "=SUM(" + letters + std::to_string(header_row + 2) +
                                                 ":" + letters + std::to_string(r) + ")";
      if (auto e = worksheet_write_formula_num(ws, r, col, formula.c_str(), cell_[1][1],
                                               static_cast<double>(column_sum(t, c))))
        return e;
    }
    return LXW_NO_ERROR;
  }

  lxw_error figures(const Book& b) {
    lxw_worksheet* ws = workbook_add_worksheet(wb_, "Số liệu");
    if (!ws) return LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE;
    worksheet_set_column(ws, 0, 3, 22, nullptr);
    worksheet_set_column(ws, 4, 4, 20, nullptr);
    worksheet_freeze_panes(ws, 1, 0);
    for (std::size_t i = 0; i < b.figures.size(); ++i) {
      const auto& row = b.figures[i];
      auto r = static_cast<lxw_row_t>(i);
      for (std::size_t c = 0; c < row.size(); ++c) {
        auto col = static_cast<lxw_col_t>(c);
        const std::string& v = row[c];
        char* end = nullptr;
        double d = c == 4 && i > 0 && !v.empty() ? std::strtod(v.c_str(), &end) : 0;
        lxw_error e = end && *end == '\0'
                          ? worksheet_write_number(ws, r, col, d, nullptr)
                          : worksheet_write_string(ws, r, col, without_bidi_controls(v).c_str(),
                                                   i == 0 ? bold_ : nullptr);
        if (e) return e;
      }
    }
    return LXW_NO_ERROR;
  }

 private:
  lxw_error cell(lxw_worksheet* ws, lxw_row_t r, std::size_t c, CellKind kind, const BookCell& v,
                 bool bold) {
    auto col = static_cast<lxw_col_t>(c);
    lxw_format* const* f = cell_[bold ? 1 : 0];
    if (std::holds_alternative<std::monostate>(v)) return worksheet_write_blank(ws, r, col, f[0]);
    if (const auto* i = std::get_if<std::int64_t>(&v))
      return worksheet_write_number(ws, r, col, static_cast<double>(*i), f[1]);
    if (const auto* d = std::get_if<double>(&v))
      return worksheet_write_number(ws, r, col, *d, kind == CellKind::rate ? f[2] : f[4]);
    const auto& s = std::get<std::string>(v);
    if (kind == CellKind::date)
      if (auto day = parse_date(s)) {
        lxw_datetime dt{day->year, day->month, day->day, 0, 0, 0};
        return worksheet_write_datetime(ws, r, col, &dt, f[3]);
      }
    return worksheet_write_string(ws, r, col, without_bidi_controls(s).c_str(), f[0]);
  }

  lxw_workbook* wb_;
  lxw_format *bold_, *header_, *title_;
  lxw_format* cell_[2][5];  // [bold][text, number, rate, date, decimal]
};

}  // namespace

std::int64_t column_sum(const BookTable& t, std::size_t column) {
  std::int64_t sum = 0;
  for (const auto& row : t.rows)
    if (column < row.size())
      if (const auto* i = std::get_if<std::int64_t>(&row[column])) sum += *i;
  return sum;
}

Status write_book_xlsx(const Book& b, const std::string& path) {
  lxw_workbook* wb = workbook_new(path.c_str());
  if (!wb) return std::unexpected(Error::internal("cannot create " + path));
  lxw_doc_properties props{};
  props.title = const_cast<char*>(b.title.c_str());
  workbook_set_properties(wb, &props);
  BookWriter w(wb);
  lxw_error e = LXW_NO_ERROR;
  for (const auto& t : b.tables)
    if ((e = w.table(b, t))) break;
  if (!e) e = w.figures(b);
  lxw_error closed = workbook_close(wb);
  if (e || closed) {
    std::remove(path.c_str());
    return std::unexpected(
        Error::internal("cannot write " + path + ": " + lxw_strerror(e ? e : closed)));
  }
  return {};
}

}  // namespace kc::io

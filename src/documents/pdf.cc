#include "documents/pdf.h"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <memory>

#include "documents/page.h"

namespace kc::documents {
namespace {

constexpr double kPt = 72.0 / 25.4;  // points per mm
constexpr const char* kFont = "Liberation Serif, Times New Roman, DejaVu Serif, serif";
constexpr double kCellPad = 3;  // pt

struct LayoutFree {
  void operator()(PangoLayout* l) const { g_object_unref(l); }
};
using Layout = std::unique_ptr<PangoLayout, LayoutFree>;

// Lays out pages: a cursor down the page that starts a new page (with its number) when a block
// does not fit.
class Writer {
 public:
  explicit Writer(cairo_t* cr) : cr_(cr) {}

  void start_section(const Section& s) {
    page_ = page_of(s);
    if (started_) cairo_show_page(cr_);  // the new size applies from the next page drawn
    started_ = true;
    cairo_pdf_surface_set_size(cairo_get_target(cr_), page_.width_mm * kPt, page_.height_mm * kPt);
    number_ = 1;
    y_ = page_.top_mm * kPt;
  }

  double width() const { return (page_.width_mm - page_.left_mm - page_.right_mm) * kPt; }
  double left() const { return page_.left_mm * kPt; }

  // Makes room for `h` points, starting a new page when they do not fit.
  void need(double h) {
    if (y_ + h <= (page_.height_mm - page_.bottom_mm) * kPt || at_top()) return;
    cairo_show_page(cr_);
    ++number_;
    y_ = page_.top_mm * kPt;
    auto l = layout(text(std::to_string(number_), Align::center, false, false, 13), width());
    int w = 0, h2 = 0;
    pango_layout_get_size(l.get(), &w, &h2);
    draw(l.get(), left(), (page_.top_mm * kPt - h2 / double(PANGO_SCALE)) / 2);
  }
  bool at_top() const { return y_ <= page_.top_mm * kPt + 0.01; }

  Layout layout(const Paragraph& p, double width) {
    Layout l(pango_cairo_create_layout(cr_));
    std::string markup;
    for (const auto& r : p.runs) {
      char* esc = g_markup_escape_text(r.text.c_str(), -1);
      std::string piece = esc;
      g_free(esc);
      if (r.bold) piece = "<b>" + piece + "</b>";
      if (r.italic) piece = "<i>" + piece + "</i>";
      markup += piece;
    }
    pango_layout_set_markup(l.get(), markup.c_str(), -1);
    PangoFontDescription* f = pango_font_description_from_string(kFont);
    pango_font_description_set_absolute_size(f, p.size_pt * PANGO_SCALE);
    pango_layout_set_font_description(l.get(), f);
    pango_font_description_free(f);
    pango_layout_set_width(l.get(), static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_wrap(l.get(), PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(l.get(), p.align == Align::center  ? PANGO_ALIGN_CENTER
                                        : p.align == Align::right ? PANGO_ALIGN_RIGHT
                                                                  : PANGO_ALIGN_LEFT);
    pango_layout_set_justify(l.get(), p.align == Align::justify);
    if (p.first_line_indent)
      pango_layout_set_indent(l.get(), static_cast<int>(kIndentMm * kPt * PANGO_SCALE));
    return l;
  }

  static double height(PangoLayout* l) {
    int w = 0, h = 0;
    pango_layout_get_size(l, &w, &h);
    return h / double(PANGO_SCALE);
  }

  void draw(PangoLayout* l, double x, double y) {
    cairo_move_to(cr_, x, y);
    pango_cairo_show_layout(cr_, l);
  }

  // Draws the paragraph at (x, y) in a column `width` wide; returns the height used.
  double paragraph_at(const Paragraph& p, double x, double y, double width) {
    auto l = layout(p, width);
    double h = height(l.get());
    draw(l.get(), x, y);
    if (p.rule_below > 0) {
      double len = width * p.rule_below;
      cairo_set_line_width(cr_, 0.6);
      cairo_move_to(cr_, x + (width - len) / 2, y + h + 1.5);
      cairo_line_to(cr_, x + (width + len) / 2, y + h + 1.5);
      cairo_stroke(cr_);
      h += 4;
    }
    return h + p.space_after_pt;
  }

  void paragraph(const Paragraph& p) {
    auto l = layout(p, width());
    need(height(l.get()));
    y_ += paragraph_at(p, left(), y_, width());
  }

  void columns(const Columns& c) {
    double lw = width() * c.left_share, rw = width() - lw;
    double lh = 0, rh = 0;
    for (const auto& p : c.left) lh += height(layout(p, lw).get()) + p.space_after_pt;
    for (const auto& p : c.right) rh += height(layout(p, rw).get()) + p.space_after_pt;
    need(std::max(lh, rh));
    double ly = y_, ry = y_;
    for (const auto& p : c.left) ly += paragraph_at(p, left(), ly, lw);
    for (const auto& p : c.right) ry += paragraph_at(p, left() + lw, ry, rw);
    y_ = std::max(ly, ry);
  }

  // One row of cells; returns its height. `draw_it` false only measures.
  double row(const Table& t, const std::vector<double>& w, const std::vector<std::string>& cells,
             bool header, bool bold, bool draw_it) {
    std::vector<Layout> ls;
    double h = 0;
    for (std::size_t c = 0; c < w.size(); ++c) {
      Align a = header                                             ? Align::center
                : c < t.right_aligned.size() && t.right_aligned[c] ? Align::right
                                                                   : Align::left;
      ls.push_back(
          layout(text(c < cells.size() ? cells[c] : "", a, header || bold, false, t.size_pt),
                 w[c] - 2 * kCellPad));
      h = std::max(h, height(ls.back().get()) + 2 * kCellPad);
    }
    if (!draw_it) return h;
    double x = left();
    cairo_set_line_width(cr_, 0.5);
    for (std::size_t c = 0; c < w.size(); ++c) {
      cairo_rectangle(cr_, x, y_, w[c], h);
      cairo_stroke(cr_);
      draw(ls[c].get(), x + kCellPad, y_ + kCellPad);
      x += w[c];
    }
    return h;
  }

  void table(const Table& t) {
    std::vector<double> w = column_widths(t, width() / kPt);
    for (double& x : w) x *= kPt;
    auto header = [&] {
      double h = row(t, w, t.header, true, true, false);
      need(h);
      y_ += row(t, w, t.header, true, true, true);
    };
    header();
    for (std::size_t i = 0; i < t.rows.size(); ++i) {
      bool bold = i < t.bold_rows.size() && t.bold_rows[i];
      double h = row(t, w, t.rows[i], false, bold, false);
      if (y_ + h > (page_.height_mm - page_.bottom_mm) * kPt) {
        need(1e9);  // a new page
        y_ += row(t, w, t.header, true, true, true);
      }
      y_ += row(t, w, t.rows[i], false, bold, true);
    }
    y_ += 6;
  }

 private:
  cairo_t* cr_;
  Page page_{};
  double y_ = 0;
  int number_ = 1;
  bool started_ = false;
};

}  // namespace

#if defined(__SANITIZE_ADDRESS__)
// fontconfig keeps its configuration and font caches for the life of the process (pango's
// font map holds them); LeakSanitizer would report them at exit in the sanitized builds.
extern "C" const char* __lsan_default_suppressions() {
  return "leak:libfontconfig.so\nleak:libpango\nleak:libharfbuzz\nleak:libglib\n";
}
extern "C" const char* __lsan_default_options() {
  return "print_suppressions=0";
}
#endif

Status write_pdf(const Document& d, const std::string& path) {
  if (d.sections.empty()) return std::unexpected(Error::internal("pdf: an empty document"));
  Page first = page_of(d.sections.front());
  cairo_surface_t* surface =
      cairo_pdf_surface_create(path.c_str(), first.width_mm * kPt, first.height_mm * kPt);
  if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
    cairo_surface_destroy(surface);
    return std::unexpected(Error::internal("pdf: cannot create " + path));
  }
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, d.title.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Khuyến Công");
  cairo_t* cr = cairo_create(surface);
  {
    Writer w(cr);
    for (const auto& s : d.sections) {
      w.start_section(s);
      for (const auto& b : s.blocks) {
        switch (b.kind) {
          case Block::Kind::paragraph:
            w.paragraph(b.paragraph);
            break;
          case Block::Kind::columns:
            w.columns(b.columns);
            break;
          case Block::Kind::table:
            w.table(b.table);
            break;
        }
      }
    }
  }
  cairo_show_page(cr);
  cairo_status_t st = cairo_status(cr);
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  if (st == CAIRO_STATUS_SUCCESS) st = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (st != CAIRO_STATUS_SUCCESS)
    return std::unexpected(Error::internal(std::string("pdf: ") + cairo_status_to_string(st)));
  return {};
}

}  // namespace kc::documents

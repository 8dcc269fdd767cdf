#include "documents/banner.h"

#include <cairo.h>
#include <pango/pangocairo.h>

namespace kc::documents {
namespace {

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

void text(cairo_t* cr, const std::string& s, const char* font, int x, int y, int width) {
  PangoLayout* layout = pango_cairo_create_layout(cr);
  PangoFontDescription* desc = pango_font_description_from_string(font);
  pango_layout_set_font_description(layout, desc);
  pango_layout_set_width(layout, width * PANGO_SCALE);
  pango_layout_set_wrap(layout, PANGO_WRAP_WORD);
  pango_layout_set_text(layout, s.c_str(), static_cast<int>(s.size()));
  cairo_move_to(cr, x, y);
  pango_cairo_show_layout(cr, layout);
  pango_font_description_free(desc);
  g_object_unref(layout);
}

}  // namespace

std::string banner_png(const std::string& title, const std::string& line, std::uint32_t rgb,
                       int width, int height) {
  cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height);
  cairo_t* cr = cairo_create(surface);
  cairo_set_source_rgb(cr, ((rgb >> 16) & 255) / 255.0, ((rgb >> 8) & 255) / 255.0,
                       (rgb & 255) / 255.0);
  cairo_paint(cr);
  cairo_set_source_rgb(cr, 1, 1, 1);
  text(cr, title, "Liberation Sans Bold 34", 48, 60, width - 96);
  text(cr, line, "Liberation Sans 20", 48, height - 90, width - 96);
  cairo_destroy(cr);
  std::string png;
  cairo_surface_write_to_png_stream(surface, append, &png);
  cairo_surface_destroy(surface);
  return png;
}

}  // namespace kc::documents

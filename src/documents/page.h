#pragma once
// The page of NĐ 30/2020 (A4; margins top and bottom 20 mm, left 30 mm, right 15 mm; the
// first-line indent of the body 1.27 cm), shared by the DOCX and PDF writers.
#include <vector>

#include "documents/document.h"

namespace kc::documents {

inline constexpr double kIndentMm = 12.7;

struct Page {
  double width_mm, height_mm, top_mm, bottom_mm, left_mm, right_mm;
};

inline Page page_of(const Section& s) {
  // A landscape appendix keeps the binding margin on its long side's left.
  return s.landscape ? Page{297, 210, 20, 20, 25, 15} : Page{210, 297, 20, 20, 30, 15};
}

inline double content_width_mm(const Section& s) {
  Page p = page_of(s);
  return p.width_mm - p.left_mm - p.right_mm;
}

// The table's column widths in mm: its relative widths scaled to `width_mm` (equal when absent).
inline std::vector<double> column_widths(const Table& t, double width_mm) {
  std::vector<double> w = t.widths;
  if (w.size() != t.header.size()) w.assign(t.header.size(), 1);
  double total = 0;
  for (double x : w) total += x;
  for (double& x : w) x = x / total * width_mm;
  return w;
}

}  // namespace kc::documents

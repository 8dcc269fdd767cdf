#pragma once
// Writes a Document as a PDF with cairo and pango (Vietnamese shaped and embedded by fontconfig:
// Liberation Serif, metric-compatible with Times New Roman, else any serif with the glyphs):
// the page of NĐ 30/2020, paragraphs wrapped and justified, tables split across pages with
// their header repeated, page numbers centred in the top margin from each section's second
// page.
#include <string>

#include "documents/document.h"
#include "domain/error.h"

namespace kc::documents {

Status write_pdf(const Document& d, const std::string& path);

}  // namespace kc::documents

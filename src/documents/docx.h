#pragma once
// Writes a Document as a DOCX (WordprocessingML) package that an office can still edit: A4,
// the margins of NĐ 30/2020, Times New Roman, page numbers centred in the top margin from the
// second page, each section (an appendix) numbered from 1 and landscape where it says so.
#include <string>

#include "documents/document.h"
#include "domain/error.h"

namespace kc::documents {

Status write_docx(const Document& d, const std::string& path);

// The package's main part (word/document.xml), for tests and for the writer.
std::string document_xml(const Document& d);

}  // namespace kc::documents

#pragma once
// A project's sheet (phiếu thông tin đề án) to print or file: its facts in the ministry's words
// (the report layout's names: program, content, places, implementing unit, kind, amounts,
// dates, status), its outputs with their indicators' names and units, and the date it was
// taken from the register. PDF or DOCX, through the documents' writers.
#include "app/exports.h"
#include "app/policy.h"
#include "store/db.h"

namespace kc::app {

// `format`: "pdf" | "docx". Whoever may read the project (else not_found).
Result<ExportResult> export_project_sheet(store::Connection& db, const Actor& a, std::int64_t id,
                                          const std::string& format, const std::string& path);

}  // namespace kc::app

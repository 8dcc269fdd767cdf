#pragma once
// An appraisal council's papers: each member's score sheets as a spreadsheet (TT | criterion |
// maximum | points | comment, per proposal, with the total), and the council's minutes as a
// document in the layout of NĐ 30/2020 (members, the results per proposal, the signatures of
// the secretary and the chair), from data/templates/minutes.json.
#include "app/exports.h"
#include "app/policy.h"
#include "documents/document.h"
#include "store/db.h"

namespace kc::app {

// The member's own sheets, or any member's for whoever manages the council. CSV or XLSX.
Result<ExportResult> export_member_sheets(store::Connection& db, const Actor& a,
                                          std::int64_t council_id, std::int64_t user_id,
                                          const std::string& format, const std::string& path);

// The minutes as a document value, and written as PDF or DOCX (whoever reads the ranking).
Result<documents::Document> council_minutes(store::Connection& db, const Actor& a,
                                            std::int64_t council_id);
Result<ExportResult> export_minutes(store::Connection& db, const Actor& a, std::int64_t council_id,
                                    const std::string& format, const std::string& path);

}  // namespace kc::app

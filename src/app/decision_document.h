#pragma once
// A plan or adjustment decision as the document the minister signs, in the layout of
// NĐ 30/2020/NĐ-CP: the heading (issuing body and number | national motto and date), the
// title, the legal bases in force on the signing date, the articles, the recipients and the
// signature block, then the appendix on landscape pages. The wording is the editable template
// data/templates/decision.json (its unconfirmed parts marked there); the department's name is
// the one it bore on the signing date. Written as DOCX (editable) or PDF.
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "app/decision_appendix.h"
#include "app/exports.h"
#include "documents/document.h"
#include "domain/date.h"

namespace kc::app {

// The document of the decision in `appendix`, from the template.
Result<documents::Document> decision_document(const Appendix& appendix, const nlohmann::json& tmpl);

// format: "docx" | "pdf".
Result<ExportResult> export_decision_document(store::Connection& db, const Actor& a,
                                              std::int64_t decision_id, const std::string& format,
                                              const std::string& path);

// "Hà Nội, ngày 05 tháng 3 năm 2025": days below 10 and the months 1 and 2 with a zero.
std::string place_and_date(const std::string& place, const Date& d);
// "1.234,5" for a document: a plain number ("1234.5", "-873") with dots between thousands and
// the fraction after a comma.
std::string vn_millions(const std::string& plain);
// Writes the document to `path` as DOCX or PDF (`format`), for a download named
// `stem`.`format`; `rows` counts what it holds.
Result<ExportResult> write_document(const documents::Document& doc, const std::string& format,
                                    const std::string& path, const std::string& stem,
                                    std::size_t rows);
// A template's text with every {key} replaced by its value.
std::string fill_template(std::string s, const std::map<std::string, std::string>& values);

}  // namespace kc::app

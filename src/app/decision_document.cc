#include "app/decision_document.h"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <map>

#include "documents/docx.h"
#include "documents/pdf.h"
#include "domain/text.h"
#include "store/embedded.h"

namespace kc::app {
namespace {

using documents::Align;
using documents::block;
using documents::Paragraph;
using documents::ruled;
using documents::text;
using documents::tight;
using nlohmann::json;

bool in_force(const json& record, const std::string& iso) {
  std::string from = record.value("from", ""), to = record.value("to", "");
  return from <= iso && (to.empty() || iso <= to);
}

}  // namespace

std::string fill_template(std::string s, const std::map<std::string, std::string>& values) {
  for (const auto& [key, value] : values) {
    std::string mark = "{" + key + "}";
    for (std::size_t at = s.find(mark); at != std::string::npos;
         at = s.find(mark, at + value.size()))
      s.replace(at, mark.size(), value);
  }
  return s;
}

std::string vn_millions(const std::string& plain) {
  std::string sign = plain.starts_with("-") ? "−" : "";
  std::string digits = sign.empty() ? plain : plain.substr(1);
  auto dot = digits.find('.');
  std::string whole = digits.substr(0, dot),
              frac = dot == std::string::npos ? "" : digits.substr(dot + 1);
  std::string grouped;
  for (std::size_t i = 0; i < whole.size(); ++i) {
    if (i > 0 && (whole.size() - i) % 3 == 0) grouped += '.';
    grouped += whole[i];
  }
  return sign + grouped + (frac.empty() ? "" : "," + frac);
}

std::string place_and_date(const std::string& place, const Date& d) {
  return fmt::format("{}, ngày {:02d} tháng {} năm {}", place, d.day,
                     d.month <= 2 ? fmt::format("{:02d}", d.month) : std::to_string(d.month),
                     d.year);
}

Result<documents::Document> decision_document(const Appendix& ap, const json& t) {
  const auto& d = ap.decision;
  auto signed_on = parse_date(d.signed_on);
  if (!signed_on) return std::unexpected(Error::internal("a decision without a date"));
  const bool plan = d.kind == "plan";
  const json& kind = t.at(plan ? "plan" : "adjustment");
  std::string department, department_short;
  for (const auto& dep : t.at("departments"))
    if (in_force(dep, d.signed_on)) department = dep.at("name"), department_short = dep.at("short");
  std::string earlier;
  for (const auto& e : ap.earlier) {
    auto on = parse_date(e.signed_on);
    earlier += (earlier.empty() ? "" : ", ") +
               fmt::format("Quyết định số {} ngày {}", e.number, on ? to_vn(*on) : e.signed_on);
  }
  // The decision's money: the second amount column of the total row (program funds of a plan,
  // the change of an adjustment).
  if (ap.rows.empty() || ap.numbers.size() < 2 || *ap.numbers.rbegin() >= ap.rows.back().size())
    return std::unexpected(Error::internal("an appendix without its total"));
  const std::string total = vn_millions(ap.rows.back()[*std::next(ap.numbers.begin())]);
  std::map<std::string, std::string> values{
      {"year", std::to_string(ap.program.year)},
      {"batch", plan && d.batch > 1 ? " (đợt " + std::to_string(d.batch) + ")" : ""},
      {"total", total},
      {"count", std::to_string(ap.projects)},
      {"reason", d.reason},
      {"department", department},
      {"department_short", department_short},
      {"earlier", earlier}};
  // A local programme's province, as the People's Committee's documents name it.
  if (ap.program.province) {
    const auto& cities = t.value("cities", json::array());
    bool city = std::find(cities.begin(), cities.end(), ap.program.province->code) != cities.end();
    values["province_name"] = ap.province_name;
    values["province"] = (city ? "thành phố " : "tỉnh ") + ap.province_name;
    values["province_short"] = (city ? "thành phố" : "tỉnh");
    values["PROVINCE"] = upper_vi(values["province"]);
  }
  auto line = [&](const char* key) { return fill_template(t.at(key).get<std::string>(), values); };

  documents::Document doc;
  doc.title = "Quyết định " + d.number;
  documents::Section body;
  documents::Columns heading;
  heading.left = {tight(text(line("issuer"), Align::center, true, false, 13)),
                  ruled(tight(text("", Align::center, false, false, 4)), 0.3),
                  text("Số: " + d.number, Align::center, false, false, 13)};
  heading.right = {tight(text(t.at("nation"), Align::center, true, false, 12)),
                   ruled(tight(text(t.at("motto"), Align::center, true, false, 13)), 0.55),
                   text(place_and_date(line("place"), *signed_on), Align::center, false, true, 13)};
  body.blocks.push_back(block(heading));
  body.blocks.push_back(block(text("", Align::center)));
  body.blocks.push_back(block(tight(text("QUYẾT ĐỊNH", Align::center, true, false, 14))));
  body.blocks.push_back(block(
      ruled(text(fill_template(kind.at("title"), values), Align::center, true, false, 14), 0.3)));
  body.blocks.push_back(block(text(line("authority"), Align::center, true, false, 14)));
  auto indented = [](std::string s) {
    Paragraph p = text(std::move(s));
    p.first_line_indent = true;
    return p;
  };
  for (const auto& b : t.at("bases"))
    if (in_force(b, d.signed_on)) body.blocks.push_back(block(indented(b.at("text"))));
  if (!plan && !earlier.empty())
    body.blocks.push_back(block(indented(fill_template(kind.at("extra_basis"), values))));
  body.blocks.push_back(block(indented(fill_template(t.at("proposal"), values))));
  body.blocks.push_back(block(text("QUYẾT ĐỊNH:", Align::center, true, false, 14)));
  for (const auto& article : kind.at("articles")) {
    Paragraph p;
    p.first_line_indent = true;
    p.runs = {{article.at(0).get<std::string>(), true, false},
              {fill_template(article.at(1).get<std::string>(), values), false, false}};
    body.blocks.push_back(block(p));
  }
  documents::Columns signature;
  signature.left_share = 0.45;
  signature.left.push_back(tight(text("Nơi nhận:", Align::left, true, true, 12)));
  for (const auto& r : t.at("recipients"))
    signature.left.push_back(tight(
        text("- " + fill_template(r.get<std::string>(), values), Align::left, false, false, 11)));
  const auto& lines = t.at("signer_lines");
  for (std::size_t i = 0; i < lines.size(); ++i) {
    Paragraph p = text(lines[i].get<std::string>(), Align::center, true, false, 14);
    signature.right.push_back(i + 1 < lines.size() ? tight(p) : p);
  }
  for (auto p : {text("", Align::center), text("", Align::center),
                 text(d.signer, Align::center, true, false, 14)})
    signature.right.push_back(p);
  body.blocks.push_back(block(signature));
  doc.sections.push_back(std::move(body));

  documents::Section appendix;
  appendix.landscape = true;
  appendix.blocks.push_back(block(tight(text("Phụ lục", Align::center, true, false, 14))));
  appendix.blocks.push_back(
      block(tight(text(fmt::format("(Kèm theo Quyết định số {} ngày {} {})", d.number,
                                   to_vn(*signed_on), line("appendix_of")),
                       Align::center, false, true, 13))));
  appendix.blocks.push_back(block(
      text(fill_template(kind.at("appendix_title"), values), Align::center, true, false, 13)));
  appendix.blocks.push_back(block(text("Đơn vị tính: triệu đồng", Align::right, false, true, 12)));
  documents::Table table;
  table.header = ap.header;
  table.widths = plan ? std::vector<double>{4, 26, 15, 15, 10, 11, 8, 8, 8, 7}
                      : std::vector<double>{4, 30, 18, 10, 11, 10, 17};
  for (std::size_t c = 0; c < ap.header.size(); ++c)
    table.right_aligned.push_back(ap.numbers.contains(c));
  for (auto row : ap.rows) {
    for (auto c : ap.numbers) row[c] = row[c].empty() ? "" : vn_millions(row[c]);
    table.rows.push_back(std::move(row));
  }
  table.bold_rows = ap.group_rows;
  appendix.blocks.push_back(block(std::move(table)));
  doc.sections.push_back(std::move(appendix));
  return doc;
}

Result<ExportResult> export_decision_document(store::Connection& db, const Actor& a,
                                              std::int64_t decision_id, const std::string& format,
                                              const std::string& path) {
  if (format != "docx" && format != "pdf")
    return std::unexpected(Error::invalid(
        "unknown format", {{"format", FieldCode::one_of, {{"allowed", "docx, pdf"}}}}));
  auto tx = store::Transaction::read(db);
  if (!tx) return std::unexpected(tx.error());
  auto appendix = decision_appendix(db, a, decision_id);
  if (!appendix) return std::unexpected(appendix.error());
  // A local programme's decision is the province's document: its People's Committee, its
  // legal bases.
  auto text =
      embedded::find(appendix->program.level == "KCQG" ? "decision.json" : "decision-local.json");
  if (!text) return std::unexpected(Error::internal("the decision template is missing"));
  auto doc = decision_document(*appendix, json::parse(*text));
  if (!doc) return std::unexpected(doc.error());
  return write_document(*doc, format, path, "quyet-dinh-" + std::to_string(decision_id),
                        appendix->projects);
}

Result<ExportResult> write_document(const documents::Document& doc, const std::string& format,
                                    const std::string& path, const std::string& stem,
                                    std::size_t rows) {
  auto written =
      format == "docx" ? documents::write_docx(doc, path) : documents::write_pdf(doc, path);
  if (!written) return std::unexpected(written.error());
  ExportResult out;
  out.rows = rows;
  out.file_name = stem + "." + format;
  out.content_type = format == "pdf"
                         ? "application/pdf"
                         : "application/"
                           "vnd.openxmlformats-officedocument.wordprocessingml.document";
  return out;
}

}  // namespace kc::app

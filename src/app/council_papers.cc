#include "app/council_papers.h"

#include <fmt/format.h>

#include <map>

#include "app/appraisal.h"
#include "app/decision_document.h"
#include "app/scoring.h"
#include "app/workflow.h"
#include "domain/text.h"
#include "io/table_writer.h"
#include "store/appraisal_repo.h"
#include "store/embedded.h"
#include "store/reference_repo.h"

namespace kc::app {
namespace {

using documents::Align;
using documents::block;
using documents::Paragraph;
using documents::ruled;
using documents::text;
using documents::tight;
using nlohmann::json;

constexpr const char* kXlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

// "92,60": a score as a Vietnamese document writes it.
std::string two_decimals(const json& v) {
  if (!v.is_number()) return "";
  std::string s = fmt::format("{:.2f}", v.get<double>());
  s[s.find('.')] = ',';
  return s;
}

std::string member_name(const Council& c, std::int64_t user_id) {
  for (const auto& m : c.members)
    if (m.user_id == user_id) return m.name;
  return "";
}

}  // namespace

Result<ExportResult> export_member_sheets(store::Connection& db, const Actor& a,
                                          std::int64_t council_id, std::int64_t user_id,
                                          const std::string& format, const std::string& path) {
  if (format != "csv" && format != "xlsx")
    return std::unexpected(Error::invalid(
        "unknown format", {{"format", FieldCode::one_of, {{"allowed", "csv, xlsx"}}}}));
  auto council = get_council(db, a, council_id);
  if (!council) return std::unexpected(council.error());
  // Another member's sheets are not shown to whoever does not manage the council: for them
  // there is no such sheet.
  if ((a.user_id != user_id && !manages_council(a, *council)) ||
      member_name(*council, user_id).empty())
    return std::unexpected(Error::not_found("no such member's sheets in this council"));
  auto round = store::get_round(db, council->round_id);
  if (!round) return std::unexpected(round.error());
  auto sheets = store::council_sheets(db, council_id);
  if (!sheets) return std::unexpected(sheets.error());
  auto projects = store::council_projects(db, council_id);
  if (!projects) return std::unexpected(projects.error());
  std::map<std::int64_t, const store::CouncilProject*> by_id;
  for (const auto& p : *projects) by_id[p.id] = &p;

  const std::vector<std::string> header{"Mã đề án",    "Tên đề án", "TT",     "Tiêu chí",
                                        "Điểm tối đa", "Điểm chấm", "Ghi chú"};
  auto writer = io::open_table_writer(path, format, "Phiếu chấm điểm", header, {2, 4, 5});
  if (!writer) return std::unexpected(writer.error());
  ExportResult out;
  for (const auto& sheet : *sheets) {
    if (sheet.user_id != user_id || !by_id.contains(sheet.project_id)) continue;
    const auto& p = *by_id[sheet.project_id];
    auto row = [&](std::vector<std::string> cells) {
      cells.insert(cells.begin(), {p.code, p.title});
      return (*writer)->add_row(cells);
    };
    if (sheet.conflict) {
      if (auto s = row({"", "Xung đột lợi ích: không chấm", "", "", sheet.conflict_note}); !s)
        return std::unexpected(s.error());
      ++out.rows;
      continue;
    }
    std::int64_t max_total = 0;
    for (std::size_t i = 0; i < round->criteria.size(); ++i) {
      const auto& c = round->criteria[i];
      max_total += c.max_points;
      std::string points, comment;
      for (const auto& l : sheet.lines)
        if (l.criterion == c.code) points = std::to_string(l.points), comment = l.comment;
      if (auto s =
              row({std::to_string(i + 1), c.name, std::to_string(c.max_points), points, comment});
          !s)
        return std::unexpected(s.error());
    }
    bool complete = is_complete(sheet, round->criteria);
    if (auto s = row({"", "Tổng cộng", std::to_string(max_total),
                      complete ? std::to_string(total_of(sheet)) : "",
                      complete ? "" : "Chưa chấm đủ các tiêu chí"});
        !s)
      return std::unexpected(s.error());
    ++out.rows;
  }
  if (auto s = (*writer)->close(); !s) return std::unexpected(s.error());
  out.file_name =
      fmt::format("phieu-cham-hoi-dong-{}-thanh-vien-{}.{}", council_id, user_id, format);
  out.content_type = format == "csv" ? "text/csv; charset=utf-8" : kXlsx;
  return out;
}

Result<documents::Document> council_minutes(store::Connection& db, const Actor& a,
                                            std::int64_t council_id) {
  auto ranking = council_ranking(db, a, council_id);
  if (!ranking) return std::unexpected(ranking.error());
  auto council = get_council(db, a, council_id);
  if (!council) return std::unexpected(council.error());
  auto round = store::get_round(db, council->round_id);
  if (!round) return std::unexpected(round.error());
  auto conclusions = store::council_conclusions(db, council_id);
  if (!conclusions) return std::unexpected(conclusions.error());
  std::map<std::int64_t, std::string> notes;
  for (const auto& c : *conclusions) notes[c.project_id] = c.note;
  auto round_done = store::round_conclusion(db, council_id);
  if (!round_done) return std::unexpected(round_done.error());
  auto source = embedded::find("minutes.json");
  if (!source) return std::unexpected(Error::internal("the minutes template is missing"));
  const json t = json::parse(*source);
  const std::string level = council->level == "province" ? "province" : "ministry";

  std::map<std::string, std::string> values{{"council", council->name},
                                            {"COUNCIL", upper_vi(council->name)},
                                            {"year", std::to_string(round->year)}};
  auto provinces = store::list_provinces(db, "2025");
  if (!provinces) return std::unexpected(provinces.error());
  std::map<std::string, std::string> province_names;
  for (const auto& p : *provinces) province_names[p.code] = p.name_vi;
  if (level == "province") {
    values["province_name"] = province_names[council->province_2025];
    values["PROVINCE"] = upper_vi(values["province_name"]);
  }
  int passed = 0, changes = 0, failed = 0, pending = 0;
  documents::Table table;
  for (const auto& h : t.at("header")) table.header.push_back(h);
  for (const auto& w : t.at("widths")) table.widths.push_back(w);
  table.right_aligned = {false, false, false, false, true, true, false, false};
  int n = 0;
  for (const auto& i : (*ranking)["items"]) {
    std::string c = i["conclusion"].is_string() ? i["conclusion"].get<std::string>() : "";
    (c == "pass" ? passed : c == "pass_with_changes" ? changes : c == "fail" ? failed : pending)++;
    auto id = i["project_id"].get<std::int64_t>();
    table.rows.push_back({std::to_string(++n), i["code"], i["title"],
                          province_names[i["province"].get<std::string>()],
                          vn_millions(millions(i["requested_vnd"].get<Vnd>())),
                          two_decimals(i["score"]), t.at("conclusions").value(c, c), notes[id]});
    table.bold_rows.push_back(false);
  }
  values.insert({{"count", std::to_string(n)},
                 {"passed", std::to_string(passed)},
                 {"changes", std::to_string(changes)},
                 {"failed", std::to_string(failed)},
                 {"pending", std::to_string(pending)}});
  auto line = [&](const json& v) { return fill_template(v.get<std::string>(), values); };

  documents::Document doc;
  doc.title = "Biên bản " + council->name;
  documents::Section body;
  body.landscape = true;  // the results table is wide
  documents::Columns heading;
  heading.left = {tight(text(line(t.at("superior").at(level)), Align::center, false, false, 13)),
                  ruled(tight(text(values["COUNCIL"], Align::center, true, false, 13)), 0.3)};
  heading.right = {tight(text(t.at("nation"), Align::center, true, false, 12)),
                   ruled(tight(text(t.at("motto"), Align::center, true, false, 13)), 0.55),
                   text(place_and_date(line(t.at("place").at(level)), vietnam_today()),
                        Align::center, false, true, 13)};
  body.blocks.push_back(block(heading));
  body.blocks.push_back(block(tight(text("BIÊN BẢN", Align::center, true, false, 14))));
  body.blocks.push_back(
      block(ruled(text(line(t.at("title")), Align::center, true, false, 14), 0.3)));
  body.blocks.push_back(block(text(t.at("members_heading"), Align::left, true, false, 14)));
  for (const auto& m : council->members)
    body.blocks.push_back(block(
        tight(text("- " + m.name + ", " + t.at("roles").value(m.role, m.role), Align::left))));
  Paragraph summary = text(line(t.at("summary")));
  summary.first_line_indent = true;
  body.blocks.push_back(block(summary));
  body.blocks.push_back(block(std::move(table)));
  if (*round_done) {
    values["concluded_on"] = to_vn(*parse_date((*round_done)->concluded_on));
    values["round_summary"] = (*round_done)->summary;
    Paragraph concluded = text(line(t.at("round_conclusion")));
    concluded.first_line_indent = true;
    body.blocks.push_back(block(concluded));
  }
  Paragraph closing = text(t.at("closing"));
  closing.first_line_indent = true;
  body.blocks.push_back(block(closing));
  std::string chair, secretary;
  for (const auto& m : council->members) {
    if (m.role == "chair") chair = m.name;
    if (m.role == "secretary") secretary = m.name;
  }
  documents::Columns signatures;
  signatures.left_share = 0.5;
  signatures.left = {text(t.at("signers").at("secretary"), Align::center, true, false, 14),
                     text("", Align::center), text(secretary, Align::center, true, false, 14)};
  signatures.right = {text(t.at("signers").at("chair"), Align::center, true, false, 14),
                      text("", Align::center), text(chair, Align::center, true, false, 14)};
  body.blocks.push_back(block(signatures));
  doc.sections.push_back(std::move(body));
  return doc;
}

Result<ExportResult> export_minutes(store::Connection& db, const Actor& a, std::int64_t council_id,
                                    const std::string& format, const std::string& path) {
  if (format != "docx" && format != "pdf")
    return std::unexpected(Error::invalid(
        "unknown format", {{"format", FieldCode::one_of, {{"allowed", "docx, pdf"}}}}));
  auto tx = store::Transaction::read(db);
  if (!tx) return std::unexpected(tx.error());
  auto doc = council_minutes(db, a, council_id);
  if (!doc) return std::unexpected(doc.error());
  return write_document(*doc, format, path, fmt::format("bien-ban-hoi-dong-{}", council_id),
                        doc->sections.front().blocks.size());
}

}  // namespace kc::app

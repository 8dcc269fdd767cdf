#include "app/execution_documents.h"

#include <fmt/format.h>

#include <map>
#include <nlohmann/json.hpp>

#include "app/contracts.h"
#include "app/decision_document.h"
#include "domain/execution.h"
#include "domain/money.h"
#include "domain/text.h"
#include "store/contract_repo.h"
#include "store/decision_repo.h"
#include "store/embedded.h"
#include "store/project_repo.h"
#include "store/reference_repo.h"

namespace kc::app {
namespace {

using documents::Align;
using nlohmann::json;

struct IndicatorName {
  std::string name, unit;
};

Result<std::map<std::string, IndicatorName>> indicator_names(store::Connection& db) {
  auto table = store::list_reference(db, "indicators");
  if (!table) return std::unexpected(table.error());
  std::map<std::string, std::size_t> col;
  for (std::size_t i = 0; i < (*table)->columns.size(); ++i) col[(*table)->columns[i]] = i;
  std::map<std::string, IndicatorName> out;
  for (const auto& r : (*table)->rows)
    out[r.str(col["code"])] = {r.str(col["name_vi"]), r.str(col["unit_vi"])};
  return out;
}

// "ngày 05 tháng 3 năm 2018" of an ISO date.
std::string spoken_date(const std::string& iso) {
  auto d = parse_date(iso);
  if (!d) return iso;
  std::string s = place_and_date("", *d);
  return s.substr(s.find("ngày"));
}

documents::Paragraph line(const std::string& s, Align align = Align::justify, bool bold = false) {
  return documents::text(s, align, bold, false, 13);
}

// The national heading (motto) beside the document's number, the title under both.
void heading(documents::Section& body, const json& t, const std::string& number,
             const std::string& party_a) {
  documents::Columns h;
  h.left = {documents::tight(line(upper_vi(party_a), Align::center, true)),
            documents::tight(line(number, Align::center))};
  h.right = {documents::tight(documents::text(t.at("nation"), Align::center, true, false, 12)),
             documents::ruled(documents::tight(line(t.at("motto"), Align::center, true)), 0.55)};
  body.blocks.push_back(documents::block(h));
}

void signatures(documents::Section& body, const json& t, const store::Contract& c) {
  documents::Columns s;
  s.left_share = 0.5;
  s.left = {line(t.at("signers").at("a"), Align::center, true), line("", Align::center),
            line(c.party_a, Align::center)};
  s.right = {line(t.at("signers").at("b"), Align::center, true), line("", Align::center),
             line(c.party_b, Align::center)};
  body.blocks.push_back(documents::block(s));
}

Result<documents::Document> contract_paper(const store::Contract& c, const Project& p,
                                           const json& t, std::map<std::string, std::string> v,
                                           const std::map<std::string, IndicatorName>& names) {
  auto fill = [&](const json& s) { return fill_template(s.get<std::string>(), v); };
  documents::Document doc;
  doc.title = "Hợp đồng " + c.number;
  documents::Section body;
  heading(body, t, fill(t.at("number")), c.party_a);
  body.blocks.push_back(
      documents::block(documents::ruled(line(fill(t.at("title")), Align::center, true), 0.3)));
  for (const auto& b : t.at("bases"))
    body.blocks.push_back(documents::block(
        documents::tight(documents::text(fill(b), Align::justify, false, true, 13))));
  for (const char* k : {"opening", "party_a", "party_b", "agreed"})
    body.blocks.push_back(documents::block(line(fill(t.at(k)))));
  bool first = true;
  for (const auto& art : t.at("articles")) {
    body.blocks.push_back(documents::block(line(fill(art[0]), Align::left, true)));
    documents::Paragraph para = line(fill(art[1]));
    para.first_line_indent = true;
    body.blocks.push_back(documents::block(para));
    if (!first) continue;
    first = false;
    documents::Table outputs;
    for (const auto& h : t.at("outputs_header")) outputs.header.push_back(h);
    outputs.widths = {5, 55, 20, 20};
    outputs.right_aligned = {false, false, false, true};
    int n = 0;
    for (const auto& o : p.outputs) {
      auto it = names.find(o.indicator);
      outputs.rows.push_back(
          {std::to_string(++n), it != names.end() ? it->second.name : o.indicator,
           it != names.end() ? it->second.unit : "", std::to_string(o.quantity)});
      outputs.bold_rows.push_back(false);
    }
    body.blocks.push_back(documents::block(std::move(outputs)));
  }
  signatures(body, t, c);
  doc.sections.push_back(std::move(body));
  return doc;
}

// A set of minutes opens alike: heading, title, subtitle, legal bases.
template <class Fill>
void minutes_opening(documents::Section& body, const json& t, const Fill& fill,
                     const store::Contract& c) {
  heading(body, t, fill(t.at("number")), c.party_a);
  body.blocks.push_back(
      documents::block(documents::tight(line(t.at("title"), Align::center, true))));
  body.blocks.push_back(
      documents::block(documents::ruled(line(fill(t.at("subtitle")), Align::center, true), 0.3)));
  for (const auto& b : t.at("bases"))
    body.blocks.push_back(
        documents::block(documents::text(fill(b), Align::justify, false, true, 13)));
}

Result<documents::Document> acceptance_paper(const store::Contract& c, const store::Acceptance& acc,
                                             const json& t, std::map<std::string, std::string> v,
                                             const std::map<std::string, IndicatorName>& names) {
  v["number"] = acc.number, v["date"] = spoken_date(acc.accepted_on);
  v["accepted"] = format_vnd(acc.accepted), v["accepted_words"] = vnd_in_words(acc.accepted);
  auto fill = [&](const json& s) { return fill_template(s.get<std::string>(), v); };
  documents::Document doc;
  doc.title = "Biên bản nghiệm thu " + acc.number;
  documents::Section body;
  minutes_opening(body, t, fill, c);
  for (const char* k : {"opening", "party_a", "party_b"})
    body.blocks.push_back(documents::block(line(fill(t.at(k)))));
  body.blocks.push_back(documents::block(line(t.at("results_heading"), Align::left, true)));
  documents::Table results;
  for (const auto& h : t.at("results_header")) results.header.push_back(h);
  results.widths = {5, 40, 13, 14, 13, 15};
  results.right_aligned = {false, false, false, true, true, false};
  int n = 0;
  for (const auto& o : acc.outputs) {
    auto it = names.find(o.indicator);
    results.rows.push_back({std::to_string(++n), it != names.end() ? it->second.name : o.indicator,
                            it != names.end() ? it->second.unit : "", std::to_string(o.expected),
                            std::to_string(o.actual),
                            o.actual >= o.expected ? t.at("met").get<std::string>()
                                                   : t.at("unmet").get<std::string>()});
    results.bold_rows.push_back(false);
  }
  body.blocks.push_back(documents::block(std::move(results)));
  body.blocks.push_back(documents::block(line(t.at("funds_heading"), Align::left, true)));
  body.blocks.push_back(documents::block(line(fill(t.at("funds")))));
  body.blocks.push_back(documents::block(line(t.at("conclusion_heading"), Align::left, true)));
  body.blocks.push_back(documents::block(line(t.at("verdicts").value(acc.verdict, acc.verdict))));
  if (!acc.conclusion.empty()) body.blocks.push_back(documents::block(line(acc.conclusion)));
  body.blocks.push_back(documents::block(line(t.at("closing"))));
  signatures(body, t, c);
  doc.sections.push_back(std::move(body));
  return doc;
}

Result<documents::Document> settlement_paper(const store::Contract& c, const store::Acceptance& acc,
                                             const Ledger& ledger, const json& t,
                                             std::map<std::string, std::string> v) {
  Vnd remaining = acc.accepted - ledger.net();
  v["sequence"] = c.number.substr(0, c.number.find('/'));
  v["date"] = spoken_date(c.settled_on), v["acceptance"] = acc.number;
  v["acceptance_date"] = to_vn(*parse_date(acc.accepted_on));
  v["accepted"] = format_vnd(acc.accepted), v["accepted_words"] = vnd_in_words(acc.accepted);
  v["remaining"] = format_vnd(remaining < 0 ? -remaining : remaining);
  v["remaining_words"] = vnd_in_words(remaining < 0 ? -remaining : remaining);
  v["counterpart_paid"] = format_vnd(c.counterpart_paid);
  const std::map<std::string, Vnd> amounts{
      {"value", c.value},    {"accepted", acc.accepted},      {"advanced", ledger.advanced},
      {"paid", ledger.paid}, {"recovered", ledger.recovered}, {"net", ledger.net()}};
  auto fill = [&](const json& s) { return fill_template(s.get<std::string>(), v); };
  documents::Document doc;
  doc.title = "Biên bản thanh lý hợp đồng " + c.number;
  documents::Section body;
  minutes_opening(body, t, fill, c);
  for (const char* k : {"opening", "party_a", "party_b", "agreed", "article_1"})
    body.blocks.push_back(documents::block(line(fill(t.at(k)))));
  body.blocks.push_back(documents::block(line(t.at("article_2"), Align::left, true)));
  documents::Table values;
  for (const auto& h : t.at("values_header")) values.header.push_back(h);
  values.widths = {8, 62, 30};
  values.right_aligned = {false, false, true};
  int n = 0;
  for (const auto& row : t.at("values")) {
    values.rows.push_back({std::to_string(++n), row.at(0).get<std::string>(),
                           format_vnd(amounts.at(row.at(1).get<std::string>()))});
    values.bold_rows.push_back(false);
  }
  body.blocks.push_back(documents::block(std::move(values)));
  const char* outcome = remaining == 0 ? "settled_even" : remaining > 0 ? "owed" : "refund";
  body.blocks.push_back(documents::block(line(fill(t.at(outcome)))));
  body.blocks.push_back(documents::block(line(fill(t.at("counterpart")))));
  body.blocks.push_back(documents::block(line(fill(t.at("article_3")))));
  signatures(body, t, c);
  doc.sections.push_back(std::move(body));
  return doc;
}

}  // namespace

Result<ExportResult> export_contract_paper(store::Connection& db, const Actor& a,
                                           std::int64_t contract_id, const std::string& paper,
                                           const std::string& format, const std::string& path) {
  if (format != "docx" && format != "pdf")
    return std::unexpected(Error::invalid(
        "unknown format", {{"format", FieldCode::one_of, {{"allowed", "docx, pdf"}}}}));
  auto tx = store::Transaction::read(db);
  if (!tx) return std::unexpected(tx.error());
  auto c = contract_in_scope(db, a, contract_id);
  if (!c) return std::unexpected(c.error());
  auto p = store::get_project(db, c->project_id);
  if (!p) return std::unexpected(p.error());
  auto names = indicator_names(db);
  if (!names) return std::unexpected(names.error());
  auto decided = store::project_decisions(db, c->project_id);
  if (!decided) return std::unexpected(decided.error());
  std::map<std::string, std::string> v{
      {"year", std::to_string(p->year)},
      {"number", c->number},
      {"signed", c->signed_on.empty() ? "ngày … tháng … năm …" : spoken_date(c->signed_on)},
      {"project", p->title},
      {"code", p->code},
      {"party_a", c->party_a},
      {"party_b", c->party_b},
      {"start", to_vn(*parse_date(c->start_on))},
      {"end", to_vn(*parse_date(c->end_on))},
      {"value", format_vnd(c->value)},
      {"value_words", vnd_in_words(c->value)},
      {"counterpart", format_vnd(c->counterpart)},
      {"counterpart_words", vnd_in_words(c->counterpart)},
      {"total", format_vnd(c->value + c->counterpart)},
      {"total_words", vnd_in_words(c->value + c->counterpart)},
      {"advance_pct", std::to_string(c->advance_bp / 100)},
      {"contract", c->number},
      {"contract_date", c->signed_on.empty() ? "…" : to_vn(*parse_date(c->signed_on))},
      {"program_kind", c->number.find("KCĐP") != std::string::npos ? "ĐỊA PHƯƠNG" : "QUỐC GIA"},
      {"decision", decided->empty() ? "quyết định"
                                    : "Quyết định số " + decided->front().number + " " +
                                          spoken_date(decided->front().signed_on)}};
  auto rule = store::advance_rule(db, p->content_code, c->start_on);
  if (!rule) return std::unexpected(rule.error());
  // The default share has no legal text yet: the document says so in its own words.
  v["advance_basis"] = rule->key == "advance_share.default"
                           ? "mức mặc định của hệ thống, chưa có văn bản quy định"
                           : rule->legal_basis;
  const char* name = paper == "acceptance"   ? "acceptance.json"
                     : paper == "settlement" ? "settlement.json"
                                             : "contract.json";
  auto source = embedded::find(name);
  if (!source) return std::unexpected(Error::internal(std::string("missing template ") + name));
  const json t = json::parse(*source);
  Result<documents::Document> doc = std::unexpected(Error::internal("no paper"));
  if (paper == "acceptance" || paper == "settlement") {
    auto acc = store::contract_acceptance(db, contract_id);
    if (!acc) return std::unexpected(acc.error());
    if (!*acc)
      return std::unexpected(Error::not_found("contract " + c->number + " has no acceptance yet"));
    if (paper == "acceptance") {
      doc = acceptance_paper(*c, **acc, t, v, *names);
    } else {
      if (c->status != "settled")
        return std::unexpected(Error::not_found("contract " + c->number + " is not settled yet"));
      auto ledger = store::contract_ledger(db, contract_id);
      if (!ledger) return std::unexpected(ledger.error());
      doc = settlement_paper(*c, **acc, *ledger, t, v);
    }
  } else {
    doc = contract_paper(*c, *p, t, v, *names);
  }
  if (!doc) return std::unexpected(doc.error());
  return write_document(*doc, format, path,
                        fmt::format("{}-{}",
                                    paper == "acceptance"   ? "bien-ban-nghiem-thu"
                                    : paper == "settlement" ? "bien-ban-thanh-ly"
                                                            : "hop-dong",
                                    contract_id),
                        1);
}

}  // namespace kc::app

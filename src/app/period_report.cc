#include "app/period_report.h"

#include "app/completion.h"
#include "app/reference.h"
#include "app/register.h"
#include "app/report_book.h"
#include "app/report_figures.h"

namespace kc::app {
namespace {

using io::BookCell;
using io::CellKind;
using nlohmann::json;

const char* const kLevels[] = {"KCQG", "KCDP"};

Result<json> find_period(store::Connection& db, const std::string& code) {
  auto periods = list_reference(db, "program-periods");
  if (!periods) return std::unexpected(periods.error());
  std::string codes;
  for (const auto& p : (*periods)["items"]) {
    if (p["code"] == code) return p;
    codes += (codes.empty() ? "" : ", ") + p["code"].get<std::string>();
  }
  return std::unexpected(
      Error::invalid("invalid query", {{"period", FieldCode::one_of, {{"allowed", codes}}}}));
}

// The figures of one level in one year, with the envelope and the number of its programs.
Result<json> level_year(store::Connection& db, const Actor& a, const Page<Program>& programs,
                        int year, const std::string& level, const store::ReportFacts* facts) {
  ListQuery q;
  q.year = year;
  q.level = level;
  auto f = slice_figures(db, a, q, facts);
  if (!f) return std::unexpected(f.error());
  std::int64_t count = 0;
  Vnd envelope = 0;
  for (const auto& p : programs.items)
    if (p.year == year && p.level == level) ++count, envelope += p.budget_vnd;
  (*f)["programs"] = count;
  (*f)["envelope_vnd"] = envelope;
  return f;
}

}  // namespace

Result<json> period_report(store::Connection& db, const Actor& a, const std::string& code,
                           const store::ReportFacts* facts) {
  if (!may(a, Permission::read_execution)) return std::unexpected(Error::forbidden());
  auto tx = store::Transaction::read(db);
  if (!tx) return std::unexpected(tx.error());
  auto period = find_period(db, code);
  if (!period) return std::unexpected(period.error());
  int first = static_cast<int>((*period)["start_year"].get<std::int64_t>()),
      last = static_cast<int>((*period)["end_year"].get<std::int64_t>());
  ListQuery pq;
  pq.page_size = 100000;
  auto programs = list_programs(db, a, pq);
  if (!programs) return std::unexpected(programs.error());
  json years = json::array(), total = json::object();
  for (const char* level : kLevels) total[level] = no_figures();
  total["total"] = no_figures();
  for (int y = first; y <= last; ++y) {
    json row{{"year", y}};
    json sum = no_figures();
    for (const char* level : kLevels) {
      auto f = level_year(db, a, *programs, y, level, facts);
      if (!f) return std::unexpected(f.error());
      sum = add_figures(sum, *f);
      total[level] = add_figures(total[level], *f);
      row[level] = std::move(*f);
    }
    total["total"] = add_figures(total["total"], sum);
    row["total"] = std::move(sum);
    years.push_back(std::move(row));
  }
  // The period's indicators: its targets, and the actuals of its level year by year.
  auto targets = list_reference(db, "period-targets");
  if (!targets) return std::unexpected(targets.error());
  const std::string level = (*period)["level"].get<std::string>();
  json indicators = json::object();
  for (const auto& t : (*targets)["items"])
    if (t["period_code"] == code)
      indicators[t["indicator_code"].get<std::string>()]["target"] = t["target"];
  for (const auto& y : years)
    for (const auto& [ind, o] : y[level]["outputs"].items())
      if (figure_int(o["actual"]) > 0) indicators[ind]["target"];  // listed, even without a target
  // The baseline: what the previous period of the same level achieved (IATI's
  // result/indicator: baseline, target, actual per period).
  auto periods = list_reference(db, "program-periods");
  if (!periods) return std::unexpected(periods.error());
  json baseline = nullptr, before = json::object();
  for (const auto& p : (*periods)["items"])
    if (p["level"] == level && figure_int(p["end_year"]) == first - 1) baseline = p;
  if (!baseline.is_null())
    for (auto y = figure_int(baseline["start_year"]); y <= figure_int(baseline["end_year"]); ++y) {
      ListQuery bq;
      bq.year = static_cast<int>(y);
      bq.level = level;
      auto f = slice_figures(db, a, bq, facts);
      if (!f) return std::unexpected(f.error());
      for (const auto& [ind, o] : (*f)["outputs"].items())
        before[ind] =
            (before.contains(ind) ? figure_int(before[ind]) : 0) + figure_int(o["actual"]);
    }
  for (auto& [ind, entry] : indicators.items()) {
    entry["baseline"] = baseline.is_null()
                            ? json(nullptr)
                            : json{{"period", baseline["code"]},
                                   {"actual", before.contains(ind) ? figure_int(before[ind]) : 0}};
    json by_year = json::object();
    std::int64_t actual = 0;
    for (const auto& y : years) {
      const auto& o = y[level]["outputs"];
      std::int64_t v = o.contains(ind) ? figure_int(o[ind]["actual"]) : 0;
      by_year[std::to_string(y["year"].get<int>())] = v;
      actual += v;
    }
    entry["by_year"] = std::move(by_year);
    entry["actual"] = actual;
    entry["share_of_target"] = entry["target"].is_number() && figure_int(entry["target"]) > 0
                                   ? json(ratio(actual, figure_int(entry["target"])))
                                   : json(nullptr);
  }
  auto as_of = data_as_of(db, facts);
  if (!as_of) return std::unexpected(as_of.error());
  (void)tx->commit();
  return json{{"data_as_of", *as_of},
              {"period",
               {{"code", code},
                {"level", level},
                {"name", (*period)["name_vi"]},
                {"start_year", first},
                {"end_year", last},
                {"legal_basis", (*period)["legal_basis"]},
                {"confirmed", figure_int((*period)["confirmed"]) != 0}}},
              {"years", years},
              {"total", total},
              {"indicators", indicators}};
}

Result<io::Book> period_book(store::Connection& db, const json& r) {
  io::Book b;
  const auto& p = r["period"];
  b.title = "BÁO CÁO GIAI ĐOẠN " + std::to_string(p["start_year"].get<int>()) + "–" +
            std::to_string(p["end_year"].get<int>());
  b.subtitle.push_back(p["name"].get<std::string>());
  b.subtitle.push_back("Căn cứ: " + p["legal_basis"].get<std::string>());
  if (auto line = as_of_line(r["data_as_of"]); !line.empty()) b.subtitle.push_back(line);
  io::BookTable years{"Theo năm",
                      {{"Năm", CellKind::text, 8},
                       {"Đề án KCQG", CellKind::count, 11},
                       {"Kinh phí KCQG (đồng)", CellKind::money, 18},
                       {"Đề án KCĐP", CellKind::count, 11},
                       {"Kinh phí KCĐP (đồng)", CellKind::money, 18},
                       {"Tổng số đề án", CellKind::count, 11},
                       {"Tổng kinh phí (đồng)", CellKind::money, 18},
                       {"Đã nghiệm thu (đồng)", CellKind::money, 18},
                       {"Tỷ lệ hoàn thành", CellKind::rate, 11}},
                      {},
                      true};
  b.figures = {{"section", "dimension", "key", "measure", "value"}};
  auto figure = [&](const std::string& section, const std::string& dim, const std::string& key,
                    const std::string& measure, const json& v) {
    b.figures.push_back({section, dim, key, measure, v.is_null() ? "" : v.dump()});
  };
  auto slice_rows = [&](const std::string& key, const json& level_figures) {
    for (const char* level : {"KCQG", "KCDP", "total"}) {
      const auto& f = level_figures[level];
      if (f.contains("envelope_vnd"))
        figure("years", level, key, "envelope_vnd", f["envelope_vnd"]);
      for (const char* m : {"planned", "contracted", "accepted"})
        figure("years", level, key, std::string("projects_") + m, f["projects"][m]);
      for (const char* m : {"plan_vnd", "contracted_vnd", "disbursed_vnd", "accepted_vnd"})
        figure("years", level, key, m, f["funds"][m]);
      figure("years", level, key, "completion_rate", f["completion_rate"]);
    }
  };
  for (const auto& y : r["years"]) {
    const auto &q = y["KCQG"], &l = y["KCDP"], &t = y["total"];
    years.rows.push_back({std::to_string(y["year"].get<int>()),
                          figure_int(q["projects"]["planned"]), figure_int(q["funds"]["plan_vnd"]),
                          figure_int(l["projects"]["planned"]), figure_int(l["funds"]["plan_vnd"]),
                          figure_int(t["projects"]["planned"]), figure_int(t["funds"]["plan_vnd"]),
                          figure_int(t["funds"]["accepted_vnd"]),
                          t["completion_rate"].get<double>()});
    slice_rows(std::to_string(y["year"].get<int>()), y);
  }
  slice_rows("total", r["total"]);
  b.tables.push_back(std::move(years));

  io::BookTable ind{"Chỉ tiêu so với mục tiêu",
                    {{"Mã", CellKind::text, 18},
                     {"Chỉ tiêu", CellKind::text, 40},
                     {"Đơn vị", CellKind::text, 10},
                     {"Mục tiêu", CellKind::count, 10}},
                    {},
                    false};
  for (const auto& y : r["years"])
    ind.columns.push_back({std::to_string(y["year"].get<int>()), CellKind::count, 8});
  ind.columns.push_back({"Lũy kế", CellKind::count, 10});
  ind.columns.push_back({"So với mục tiêu", CellKind::rate, 10});
  ReferenceNames names(db);
  for (const auto& [code, e] : r["indicators"].items()) {
    auto name = names.name("indicators", code);
    auto unit = names.name("indicators", code, "unit_vi");
    if (!name || !unit) return std::unexpected(name ? unit.error() : name.error());
    std::vector<BookCell> row{
        code, *name, *unit,
        e["target"].is_number() ? BookCell{figure_int(e["target"])} : BookCell{}};
    for (const auto& [year, v] : e["by_year"].items()) {
      row.push_back(figure_int(v));
      figure("indicators", code, year, "actual", v);
    }
    row.push_back(figure_int(e["actual"]));
    row.push_back(e["share_of_target"].is_number() ? BookCell{e["share_of_target"].get<double>()}
                                                   : BookCell{});
    figure("indicators", code, "", "baseline",
           e["baseline"].is_object() ? e["baseline"]["actual"] : json(nullptr));
    figure("indicators", code, "", "target", e["target"]);
    figure("indicators", code, "total", "actual", e["actual"]);
    figure("indicators", code, "", "share_of_target", e["share_of_target"]);
    ind.rows.push_back(std::move(row));
  }
  b.tables.push_back(std::move(ind));
  return b;
}

Result<ExportResult> export_period_report(store::Connection& db, const Actor& a,
                                          const std::string& period, const std::string& format,
                                          const std::string& path,
                                          const store::ReportFacts* facts) {
  auto r = period_report(db, a, period, facts);
  if (!r) return std::unexpected(r.error());
  auto book = period_book(db, *r);
  if (!book) return std::unexpected(book.error());
  return write_report_book(*book, format, path, "bao-cao-giai-doan-" + period);
}

}  // namespace kc::app

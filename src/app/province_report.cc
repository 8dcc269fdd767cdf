#include "app/province_report.h"

#include <set>

#include "app/reference.h"
#include "app/register.h"
#include "app/report_book.h"
#include "app/report_figures.h"
#include "store/report_query.h"

namespace kc::app {
namespace {

using io::CellKind;
using nlohmann::json;

// The province's row and its counterparts in the other set: the 2025 province a 2008 one
// merged into, or the 2008 provinces a 2025 one was formed from.
Result<json> find_province(store::Connection& db, const std::string& set, const std::string& code) {
  auto unknown = [&] {
    return Error::invalid(
        "invalid query",
        {{"province", FieldCode::unknown_province, {{"code", code}, {"set", set}}}});
  };
  if (set != "2025" && set != "2008")
    return std::unexpected(
        Error::invalid("invalid query", {{"set", FieldCode::one_of, {{"allowed", "2025, 2008"}}}}));
  auto list = list_reference(db, "provinces-" + set);
  if (!list) return std::unexpected(list.error());
  json found;
  for (const auto& p : (*list)["items"])
    if (p["code"] == code) found = p;
  if (found.is_null()) return std::unexpected(unknown());
  json out{
      {"set", set}, {"code", code}, {"name", found["name_vi"]}, {"region", found["region_code"]}};
  if (set == "2008") {
    out["province_2025"] = found["code_2025"];
    return out;
  }
  auto old = list_reference(db, "provinces-2008");
  if (!old) return std::unexpected(old.error());
  json from = json::array();
  for (const auto& p : (*old)["items"])
    if (p["code_2025"] == code) from.push_back({{"code", p["code"]}, {"name", p["name_vi"]}});
  out["province_2025"] = code;
  out["formed_from"] = std::move(from);
  return out;
}

}  // namespace

Result<json> province_report(store::Connection& db, const Actor& a, const std::string& set,
                             const std::string& code, const store::ReportFacts* facts) {
  if (!may(a, Permission::read_execution)) return std::unexpected(Error::forbidden());
  auto tx = store::Transaction::read(db);
  if (!tx) return std::unexpected(tx.error());
  auto province = find_province(db, set, code);
  if (!province) return std::unexpected(province.error());
  auto scope = project_scope(a);
  if (!scope.province_2025.empty() && scope.province_2025 != (*province)["province_2025"])
    return std::unexpected(Error::not_found("province"));
  ListQuery q;
  q.province = code;
  q.province_set = set;
  ListQuery pq;
  pq.page_size = 100000;
  auto programs = list_programs(db, a, pq);
  if (!programs) return std::unexpected(programs.error());
  std::set<int> program_years;
  for (const auto& p : programs->items) program_years.insert(p.year);
  json years = json::array(), total = no_figures();
  for (int y : program_years) {
    ListQuery yq = q;
    yq.year = y;
    auto f = slice_figures(db, a, yq, facts);
    if (!f) return std::unexpected(f.error());
    if (figure_int((*f)["projects"]["planned"]) == 0) continue;
    total = add_figures(total, *f);
    (*f)["year"] = y;
    years.push_back(std::move(*f));
  }
  ListQuery scoped = q;
  apply_scope(scoped, project_scope(a));
  auto groups = plan_groups(db, scoped, store::PlanDimension::content, facts);
  if (!groups) return std::unexpected(groups.error());
  json by_content = json::object();
  for (const auto& g : *groups)
    by_content[g.key] = {
        {"projects", g.projects}, {"plan_vnd", g.plan_vnd}, {"counterpart_vnd", g.counterpart_vnd}};
  auto as_of = data_as_of(db, facts);
  if (!as_of) return std::unexpected(as_of.error());
  (void)tx->commit();
  return json{{"data_as_of", *as_of},

              {"province", *province},
              {"years", years},
              {"total", total},
              {"by_content", by_content}};
}

Result<io::Book> province_book(store::Connection& db, const json& r) {
  io::Book b;
  const auto& p = r["province"];
  b.title = "HỒ SƠ KHUYẾN CÔNG CỦA TỈNH, THÀNH PHỐ";
  b.subtitle.push_back(p["name"].get<std::string>() + " (mã " + p["code"].get<std::string>() +
                       ", danh mục " + p["set"].get<std::string>() + ")");
  if (auto line = as_of_line(r["data_as_of"]); !line.empty()) b.subtitle.push_back(line);
  io::BookTable years{"Theo năm",
                      {{"Năm", CellKind::text, 8},
                       {"Số đề án", CellKind::count, 10},
                       {"Kinh phí kế hoạch (đồng)", CellKind::money, 19},
                       {"Đã ký hợp đồng (đồng)", CellKind::money, 19},
                       {"Đã giải ngân (đồng)", CellKind::money, 19},
                       {"Đã nghiệm thu (đồng)", CellKind::money, 19},
                       {"Tỷ lệ hoàn thành", CellKind::rate, 11}},
                      {},
                      true};
  b.figures = {{"section", "dimension", "key", "measure", "value"}};
  auto slice = [&](const std::string& key, const json& f) {
    for (const char* m : {"planned", "contracted", "accepted"})
      b.figures.push_back(
          {"years", "", key, std::string("projects_") + m, f["projects"][m].dump()});
    for (const char* m : {"plan_vnd", "contracted_vnd", "disbursed_vnd", "accepted_vnd"})
      b.figures.push_back({"years", "", key, m, f["funds"][m].dump()});
    b.figures.push_back({"years", "", key, "completion_rate", f["completion_rate"].dump()});
  };
  for (const auto& y : r["years"]) {
    const auto& f = y["funds"];
    std::string year = std::to_string(y["year"].get<int>());
    years.rows.push_back({year, figure_int(y["projects"]["planned"]), figure_int(f["plan_vnd"]),
                          figure_int(f["contracted_vnd"]), figure_int(f["disbursed_vnd"]),
                          figure_int(f["accepted_vnd"]), y["completion_rate"].get<double>()});
    slice(year, y);
  }
  slice("total", r["total"]);
  b.tables.push_back(std::move(years));
  ReferenceNames names(db);
  auto contents = groups_table(names, r["by_content"], "Theo nội dung", "contents", "Nội dung");
  if (!contents) return std::unexpected(contents.error());
  b.tables.push_back(std::move(*contents));
  for (const auto& [key, g] : r["by_content"].items())
    for (const auto& [measure, v] : g.items())
      b.figures.push_back({"by", "content", key, measure, v.dump()});
  auto outputs = outputs_table(db, r["total"]["outputs"]);
  if (!outputs) return std::unexpected(outputs.error());
  b.tables.push_back(std::move(*outputs));
  for (const auto& [code, o] : r["total"]["outputs"].items())
    for (const auto& [measure, v] : o.items())
      b.figures.push_back({"outputs", "indicator", code, measure, v.dump()});
  return b;
}

Result<ExportResult> export_province_report(store::Connection& db, const Actor& a,
                                            const std::string& set, const std::string& province,
                                            const std::string& format, const std::string& path,
                                            const store::ReportFacts* facts) {
  auto r = province_report(db, a, set, province, facts);
  if (!r) return std::unexpected(r.error());
  auto book = province_book(db, *r);
  if (!book) return std::unexpected(book.error());
  return write_report_book(*book, format, path, "ho-so-tinh-" + set + "-" + province);
}

}  // namespace kc::app

#include "app/decision_appendix.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <tuple>

#include "domain/date.h"
#include "io/table_writer.h"
#include "store/decision_repo.h"
#include "store/project_repo.h"
#include "store/reference_repo.h"
#include "store/register_repo.h"

namespace kc::app {

std::string roman(int n) {
  static constexpr std::pair<int, const char*> kDigits[] = {
      {1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"}, {90, "XC"}, {50, "L"},
      {40, "XL"},  {10, "X"},   {9, "IX"},  {5, "V"},    {4, "IV"},  {1, "I"}};
  std::string out;
  for (auto [value, digits] : kDigits)
    for (; n >= value; n -= value) out += digits;
  return out;
}

std::string millions(Vnd amount) {
  std::string sign = amount < 0 ? "-" : "";
  Vnd a = amount < 0 ? -amount : amount;
  std::string out = sign + std::to_string(a / 1'000'000);
  if (Vnd rest = a % 1'000'000; rest != 0) {
    std::string frac = fmt::format("{:06d}", rest);
    while (frac.back() == '0') frac.pop_back();
    out += "." + frac;
  }
  return out;
}

namespace {

// One line of the appendix: the project, its unit, and the amounts the layout shows.
struct Line {
  Project project;
  std::string unit, beneficiaries, place;
  Vnd before = 0, change = 0;
};

Result<std::vector<Line>> lines_of(store::Connection& db, const store::Decision& d,
                                   const std::map<std::int64_t, Vnd>& before) {
  auto provinces = store::list_provinces(db, "2008");
  if (!provinces) return std::unexpected(provinces.error());
  auto provinces_2025 = store::list_provinces(db, "2025");
  if (!provinces_2025) return std::unexpected(provinces_2025.error());
  std::map<std::string, std::string> names;
  for (const auto& p : *provinces) names["2008:" + p.code] = p.name_vi;
  for (const auto& p : *provinces_2025) names["2025:" + p.code] = p.name_vi;
  std::map<std::int64_t, std::string> units;
  std::vector<Line> out;
  for (const auto& item : d.items) {
    auto p = store::get_project(db, item.project_id);
    if (!p) return std::unexpected(p.error());
    Line l;
    l.project = std::move(*p);
    auto& unit = units[l.project.implementing_org_id];
    if (unit.empty()) {
      auto o = store::get_organization(db, l.project.implementing_org_id);
      if (!o) return std::unexpected(o.error());
      unit = o->name;
    }
    l.unit = unit;
    for (auto id : l.project.beneficiary_ids) {
      auto f = store::get_facility(db, id);
      if (!f) return std::unexpected(f.error());
      l.beneficiaries += (l.beneficiaries.empty() ? "" : "; ") + f->name;
    }
    for (const auto& pr : l.project.provinces)
      l.place += (l.place.empty() ? "" : "; ") + names[pr.set + ":" + pr.code];
    auto b = before.find(item.project_id);
    l.before = b == before.end() ? 0 : b->second;
    l.change = item.amount;
    out.push_back(std::move(l));
  }
  std::stable_sort(out.begin(), out.end(), [](const Line& x, const Line& y) {
    return std::tie(x.unit, x.project.code) < std::tie(y.unit, y.project.code);
  });
  return out;
}

std::string note_of(const Project& p) {
  return p.kind == "group" ? "Đề án nhóm" : p.kind == "point" ? "Đề án điểm" : "";
}

}  // namespace

Result<Appendix> decision_appendix(store::Connection& db, const Actor& a,
                                   std::int64_t decision_id) {
  if (!may(a, Permission::read_plans)) return std::unexpected(Error::forbidden());
  auto program_id = store::decision_program(db, decision_id);
  if (!program_id) return std::unexpected(program_id.error());
  auto program = store::get_program(db, *program_id);
  if (!program) return std::unexpected(program.error());
  auto all = store::list_decisions(db, *program_id);
  if (!all) return std::unexpected(all.error());
  Appendix out;
  out.program = std::move(*program);
  if (out.program.province) {
    auto place = store::find_province(db, *out.program.province);
    if (!place) return std::unexpected(place.error());
    if (*place) out.province_name = (*place)->name_vi;
  }
  std::map<std::int64_t, Vnd> before;  // every project's amount before this decision
  auto decision = all->begin();
  for (; decision != all->end() && decision->id != decision_id; ++decision) {
    out.earlier.push_back(*decision);
    for (const auto& i : decision->items) before[i.project_id] += i.amount;
  }
  if (decision == all->end()) return std::unexpected(Error::not_found("no such decision"));
  auto lines = lines_of(db, *decision, before);
  if (!lines) return std::unexpected(lines.error());
  out.decision = std::move(*decision);

  const bool plan = out.decision.kind == "plan";
  // The programme's funds by its level: KCQG (national) or KCĐP (local).
  const std::string funds = out.program.level == "KCQG" ? "KCQG" : "KCĐP";
  out.header = plan ? std::vector<std::string>{"TT",
                                               "Tên đề án",
                                               "Đơn vị thực hiện",
                                               "Đơn vị thụ hưởng / phối hợp",
                                               "Địa điểm",
                                               "Thời gian",
                                               "Tổng kinh phí",
                                               "Kinh phí " + funds + " hỗ trợ",
                                               "Vốn đối ứng / khác",
                                               "Ghi chú"}
                    : std::vector<std::string>{"TT",
                                               "Tên đề án",
                                               "Đơn vị thực hiện",
                                               funds + " đã giao",
                                               "Điều chỉnh tăng (+)/giảm (−)",
                                               funds + " sau điều chỉnh",
                                               "Lý do"};
  out.numbers = plan ? std::set<std::size_t>{6, 7, 8} : std::set<std::size_t>{3, 4, 5};
  // The sums a group or the whole decision shows: [total, program, counterpart] or
  // [before, change, after].
  using Sums = std::array<Vnd, 3>;
  auto sums_of = [&](const Line& l) -> Sums {
    if (plan) return {l.change + l.project.counterpart_vnd, l.change, l.project.counterpart_vnd};
    return {l.before, l.change, l.before + l.change};
  };
  auto sum_row = [&](std::string tt, std::string title, const Sums& s) {
    std::vector<std::string> row(out.header.size());
    row[0] = std::move(tt), row[1] = std::move(title);
    std::size_t at = plan ? 6 : 3;
    for (std::size_t k = 0; k < 3; ++k) row[at + k] = millions(s[k]);
    out.rows.push_back(std::move(row));
    out.group_rows.push_back(true);
  };
  Sums total{};
  int group = 0, number = 0;
  for (std::size_t i = 0; i < lines->size();) {
    const std::string& unit = (*lines)[i].unit;
    Sums sub{};
    std::size_t end = i;
    for (; end < lines->size() && (*lines)[end].unit == unit; ++end)
      for (std::size_t k = 0; k < 3; ++k) sub[k] += sums_of((*lines)[end])[k];
    sum_row(roman(++group), unit, sub);
    for (; i < end; ++i) {
      const Line& l = (*lines)[i];
      Sums s = sums_of(l);
      out.rows.push_back(
          plan ? std::vector<std::string>{std::to_string(++number), l.project.title, l.unit,
                                          l.beneficiaries, l.place,
                                          to_vn(l.project.start) + " – " + to_vn(l.project.end),
                                          millions(s[0]), millions(s[1]), millions(s[2]),
                                          note_of(l.project)}
               : std::vector<std::string>{std::to_string(++number), l.project.title, l.unit,
                                          millions(s[0]), millions(s[1]), millions(s[2]),
                                          out.decision.reason});
      out.group_rows.push_back(false);
      ++out.projects;
    }
    for (std::size_t k = 0; k < 3; ++k) total[k] += sub[k];
  }
  sum_row("", "Tổng cộng", total);
  return out;
}

Result<ExportResult> export_decision_appendix(store::Connection& db, const Actor& a,
                                              std::int64_t decision_id, const std::string& format,
                                              const std::string& path) {
  if (format != "csv" && format != "xlsx")
    return std::unexpected(Error::invalid(
        "unknown format", {{"format", FieldCode::one_of, {{"allowed", "csv, xlsx"}}}}));
  auto tx = store::Transaction::read(db);
  if (!tx) return std::unexpected(tx.error());
  auto appendix = decision_appendix(db, a, decision_id);
  if (!appendix) return std::unexpected(appendix.error());
  std::vector<std::string> header = appendix->header;
  for (auto c : appendix->numbers) header[c] += " (triệu đồng)";
  auto writer = io::open_table_writer(path, format, "Phụ lục", header, appendix->numbers);
  if (!writer) return std::unexpected(writer.error());
  for (const auto& row : appendix->rows)
    if (auto s = (*writer)->add_row(row); !s) return std::unexpected(s.error());
  if (auto s = (*writer)->close(); !s) return std::unexpected(s.error());
  ExportResult out;
  out.rows = appendix->projects;
  out.file_name = "phu-luc-quyet-dinh-" + std::to_string(decision_id) + "." + format;
  out.content_type = format == "csv"
                         ? "text/csv; charset=utf-8"
                         : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  return out;
}

}  // namespace kc::app

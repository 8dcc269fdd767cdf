#include "app/registration_report.h"

#include "app/appraisal.h"
#include "app/completion.h"
#include "app/projects.h"
#include "io/table_writer.h"

namespace kc::app {
namespace {

using nlohmann::json;

// What a province has forwarded: the proposal left it for the ministry.
bool forwarded(const std::string& status) {
  for (auto s : {"forwarded", "ministry_appraisal", "passed", "failed", "approved", "contracted",
                 "in_progress", "completed", "cancelled"})
    if (status == s) return true;
  return false;
}

}  // namespace

Result<json> registration_report(store::Connection& db, const Actor& a, std::int64_t round_id,
                                 const std::string& province) {
  if (!may(a, Permission::read_plans)) return std::unexpected(Error::forbidden());
  if (province.empty())
    return std::unexpected(Error::invalid("invalid query", {{"province", FieldCode::required}}));
  if (a.role == Role::province && province != a.province_2025)
    return std::unexpected(Error::not_found("no report of another province"));
  auto tx = store::Transaction::read(db);
  if (!tx) return std::unexpected(tx.error());
  auto round = get_round(db, a, round_id);
  if (!round) return std::unexpected(round.error());
  ListQuery q;
  q.program_id = round->program_id, q.province = province, q.province_set = "2025";
  q.sort = "code", q.page_size = 500;
  json items = json::array();
  Vnd requested = 0, counterpart = 0;
  for (q.page = 1;; ++q.page) {
    auto page = list_projects(db, a, q);
    if (!page) return std::unexpected(page.error());
    for (const auto& row : page->items) {
      const Project& p = row.project;
      if (!forwarded(p.status)) continue;
      requested += p.requested_vnd, counterpart += p.counterpart_vnd;
      items.push_back({{"id", p.id},
                       {"code", p.code},
                       {"title", p.title},
                       {"content_code", p.content_code},
                       {"implementing_org", row.implementing_org_name},
                       {"requested_vnd", p.requested_vnd},
                       {"counterpart_vnd", p.counterpart_vnd},
                       {"total_vnd", p.total_vnd},
                       {"status", p.status}});
    }
    if (static_cast<std::int64_t>(q.page) * q.page_size >= page->total) break;
  }
  ListQuery before;
  before.year = round->year - 1, before.province = province, before.province_set = "2025";
  auto done = completion_json(db, a, before);
  if (!done) return std::unexpected(done.error());
  return json{{"round_id", round->id},
              {"year", round->year},
              {"province_2025", province},
              {"forwarded", items},
              {"totals",
               {{"projects", items.size()},
                {"requested_vnd", requested},
                {"counterpart_vnd", counterpart},
                {"total_vnd", requested + counterpart}}},
              {"previous_year",
               {{"year", round->year - 1},
                {"planned", (*done)["projects"]["planned"]},
                {"accepted", (*done)["projects"]["accepted"]},
                {"plan_vnd", (*done)["funds"]["plan_vnd"]},
                {"accepted_vnd", (*done)["funds"]["accepted_vnd"]},
                {"completion_rate", (*done)["completion_rate"]}}}};
}

Result<ExportResult> export_registration_report(store::Connection& db, const Actor& a,
                                                std::int64_t round_id, const std::string& province,
                                                const std::string& format,
                                                const std::string& path) {
  if (format != "csv" && format != "xlsx")
    return std::unexpected(Error::invalid(
        "unknown format", {{"format", FieldCode::one_of, {{"allowed", "csv, xlsx"}}}}));
  auto r = registration_report(db, a, round_id, province);
  if (!r) return std::unexpected(r.error());
  auto w = io::open_table_writer(
      path, format, "Báo cáo đăng ký",
      {"STT", "Mã đề án", "Tên đề án", "Nội dung", "Đơn vị thực hiện",
       "Kinh phí khuyến công (đồng)", "Vốn đối ứng (đồng)", "Tổng kinh phí (đồng)", "Trạng thái"},
      {0, 5, 6, 7});
  if (!w) return std::unexpected(w.error());
  std::size_t n = 0;
  auto money = [](const json& v) { return std::to_string(v.get<std::int64_t>()); };
  for (const auto& i : (*r)["forwarded"]) {
    if (auto s = (*w)->add_row({std::to_string(++n), i["code"], i["title"], i["content_code"],
                                i["implementing_org"], money(i["requested_vnd"]),
                                money(i["counterpart_vnd"]), money(i["total_vnd"]), i["status"]});
        !s)
      return std::unexpected(s.error());
  }
  const json& t = (*r)["totals"];
  const json& y = (*r)["previous_year"];
  std::string past = "Năm " + std::to_string(y["year"].get<int>()) + ": " +
                     std::to_string(y["planned"].get<std::int64_t>()) + " đề án trong kế hoạch, " +
                     std::to_string(y["accepted"].get<std::int64_t>()) + " đề án đã nghiệm thu";
  for (const auto& row : std::vector<std::vector<std::string>>{
           {"", "", "Tổng cộng", "", "", money(t["requested_vnd"]), money(t["counterpart_vnd"]),
            money(t["total_vnd"]), ""},
           {"", "", past, "", "", money(y["plan_vnd"]), "", money(y["accepted_vnd"]), ""}})
    if (auto s = (*w)->add_row(row); !s) return std::unexpected(s.error());
  if (auto s = (*w)->close(); !s) return std::unexpected(s.error());
  return ExportResult{n,
                      "bao-cao-dang-ky-" + province + "-" + std::to_string(round_id) + "." + format,
                      format == "csv" ? "text/csv; charset=utf-8"
                                      : "application/vnd.openxmlformats-officedocument."
                                        "spreadsheetml.sheet"};
}

}  // namespace kc::app

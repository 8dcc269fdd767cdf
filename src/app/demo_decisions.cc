#include "app/demo_decisions.h"

#include <map>

#include "app/group_split.h"
#include "app/plan_decisions.h"
#include "store/decision_repo.h"
#include "store/project_repo.h"

namespace kc::app {
namespace {

constexpr std::size_t kAddedLater = 12;  // projects the first adjustment adds
constexpr std::size_t kCutEvery = 30;    // every 30th project first gets 80 % of its request
constexpr Vnd kMillion = 1'000'000;

store::Decision decision(std::int64_t program_id, const char* kind, const char* number,
                         const char* signed_on, std::int64_t batch, const char* reason) {
  store::Decision d;
  d.program_id = program_id, d.kind = kind, d.number = number, d.signed_on = signed_on;
  d.signer = "Thứ trưởng Bộ Công Thương", d.batch = batch, d.reason = reason;
  return d;
}

void give(store::Decision& d, std::map<std::int64_t, Vnd>& amounts, std::int64_t id, Vnd amount) {
  d.items.push_back({id, amount, "", "", ""});
  d.total += amount;
  amounts[id] += amount;
}

}  // namespace

Status demo_decisions_2018(store::Connection& db, std::int64_t program_id) {
  const Actor a = Actor::system("demo");
  auto projects = store::program_requests(db, program_id);
  if (!projects) return std::unexpected(projects.error());
  if (projects->size() <= kAddedLater) return {};
  const std::size_t first = projects->size() - kAddedLater;
  auto cut = [](std::size_t i) { return i % kCutEvery == kCutEvery - 1; };

  std::map<std::int64_t, Vnd> amounts;
  auto plan = decision(program_id, "plan", "3875/QĐ-BCT", "2017-12-28", 1,
                       "Giao kế hoạch khuyến công quốc gia năm 2018");
  for (std::size_t i = 0; i < first; ++i) {
    const auto& p = (*projects)[i];
    give(plan, amounts, p.id, cut(i) ? p.requested * 8 / 10 / kMillion * kMillion : p.requested);
  }
  auto added = decision(program_id, "adjustment", "2150/QĐ-BCT", "2018-06-15", 1,
                        "Bổ sung kế hoạch: giao thêm các đề án đạt thẩm định đợt 2");
  auto raised = decision(program_id, "adjustment", "3420/QĐ-BCT", "2018-09-20", 2,
                         "Điều chỉnh kinh phí: cấp đủ kinh phí các đề án đã giao một phần");
  std::map<std::int64_t, Vnd> before_added = amounts;
  for (std::size_t i = first; i < projects->size(); ++i)
    give(added, amounts, (*projects)[i].id, (*projects)[i].requested);
  std::map<std::int64_t, Vnd> before_raised = amounts;
  for (std::size_t i = 0; i < first; ++i)
    if (cut(i))
      give(raised, amounts, (*projects)[i].id,
           (*projects)[i].requested - amounts[(*projects)[i].id]);
  for (auto [d, before] : {std::pair{&plan, std::map<std::int64_t, Vnd>{}},
                           std::pair{&added, before_added}, std::pair{&raised, before_raised}})
    if (auto v = record_decision(db, a, *d, before); !v) return std::unexpected(v.error());
  return check_books(db, program_id);
}

Status demo_group_splits(store::Connection& db, std::int64_t program_id) {
  auto projects = store::program_requests(db, program_id);
  if (!projects) return std::unexpected(projects.error());
  int letter = 410;
  for (const auto& r : *projects) {
    if (r.kind != "group") continue;
    auto p = store::get_project(db, r.id);
    if (!p) return std::unexpected(p.error());
    auto decided = store::project_decisions(db, r.id);
    if (!decided) return std::unexpected(decided.error());
    Vnd amount = 0;
    for (const auto& d : *decided) amount += d.amount;
    const auto n = static_cast<Vnd>(p->beneficiary_ids.size());
    if (amount == 0 || n == 0) continue;
    nlohmann::json items = nlohmann::json::array();
    const Vnd each = amount / n / kMillion * kMillion;
    for (std::size_t i = 0; i < p->beneficiary_ids.size(); ++i)
      items.push_back(
          {{"facility_id", p->beneficiary_ids[i]},
           {"amount_vnd", i + 1 < p->beneficiary_ids.size() ? each : amount - each * (n - 1)}});
    nlohmann::json body = {{"number", std::to_string(letter++) + "/CTĐP-KC"},
                           {"signed_on", "2018-10-05"},
                           {"items", items}};
    if (auto s = split_group_project(db, Actor::system("demo"), r.id, body); !s)
      return std::unexpected(s.error());
  }
  return {};
}

Status demo_local_decision(store::Connection& db, std::int64_t program_id) {
  auto projects = store::program_requests(db, program_id);
  if (!projects) return std::unexpected(projects.error());
  std::map<std::int64_t, Vnd> amounts;
  auto plan = decision(program_id, "plan", "3310/QĐ-UBND", "2017-12-20", 1,
                       "Giao kế hoạch khuyến công địa phương năm 2018");
  plan.signer = "Phó Chủ tịch Ủy ban nhân dân thành phố";
  for (const auto& p : *projects) give(plan, amounts, p.id, p.requested);
  if (auto v = record_decision(db, Actor::system("demo"), plan, {}); !v)
    return std::unexpected(v.error());
  return check_books(db, program_id);
}

}  // namespace kc::app

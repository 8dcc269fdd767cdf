#include "app/demo_fairs.h"

#include <algorithm>
#include <cstdio>
#include <random>

#include "app/fairs.h"
#include "domain/date.h"
#include "store/execution_query.h"
#include "store/fair_repo.h"
#include "store/reference_repo.h"
#include "store/register_repo.h"

namespace kc::app {
namespace {

using nlohmann::json;

constexpr std::string_view kPrefix = "Hỗ trợ cơ sở công nghiệp nông thôn tham gia ";
constexpr std::int64_t kBoothsPerFacility = 2;  // about: some take one booth, some more
constexpr Vnd kBoothSharePct = 70;  // of the accepted amount; the rest organizes the fair

// The fair's name from its project's title ("Hỗ trợ ... tham gia Hội chợ X năm 2018").
std::string fair_name(const std::string& title) {
  std::string name = title.starts_with(kPrefix) ? title.substr(kPrefix.size()) : title;
  return name.empty() ? title : name;
}

}  // namespace

Status demo_fairs(store::Connection& db, std::int64_t program_id) {
  const Actor a = Actor::system("demo");
  auto projects = store::accepted_outputs_of(db, program_id, "fair_booth");
  if (!projects) return std::unexpected(projects.error());
  int n = 0;
  for (const auto& p : *projects) {
    auto start = parse_date(p.start), end = parse_date(p.end);
    if (!start || !end) return std::unexpected(Error::internal("project dates unreadable"));
    Date opens = std::min(add_days(*start, 45), *end);
    Date closes = std::min(add_days(opens, 4), *end);
    auto pf = store::find_province(db, p.province);
    if (!pf) return std::unexpected(pf.error());
    char code[32];
    std::snprintf(code, sizeof code, "HC-%s-%02d", p.start.substr(0, 4).c_str(), ++n);
    json body = {{"code", code},
                 {"name", fair_name(p.title)},
                 {"place", "Trung tâm Hội chợ Triển lãm " + (*pf ? (*pf)->name_vi : "")},
                 {"province", {{"set", p.province.set}, {"code", p.province.code}}},
                 {"starts_on", to_iso(opens)},
                 {"ends_on", to_iso(closes)},
                 {"organizer", p.organizer},
                 {"project_id", p.project_id}};
    auto fair = create_fair(db, a, body);
    if (!fair) return std::unexpected(fair.error());
    // Exhibitors: facilities of the fair's region, a fixed shuffle per project.
    ListQuery q;
    q.region = p.region_code, q.province_set = "2008", q.page_size = 10000;
    auto pool = store::list_facilities(db, q);
    if (!pool) return std::unexpected(pool.error());
    auto& facilities = pool->items;
    if (facilities.empty()) continue;
    std::mt19937_64 rng(static_cast<std::uint64_t>(p.project_id));
    std::shuffle(facilities.begin(), facilities.end(), rng);
    auto k = static_cast<std::size_t>(std::clamp<std::int64_t>(
        p.actual / kBoothsPerFacility, 1, static_cast<std::int64_t>(facilities.size())));
    auto ceiling = store::rule_amount(db, "fair_booth_ceiling.domestic", to_iso(opens));
    if (!ceiling) return std::unexpected(ceiling.error());
    const Vnd per_booth = ceiling->value_or(0);
    for (std::size_t i = 0; i < k; ++i) {
      const auto kk = static_cast<std::int64_t>(k);
      std::int64_t booths = p.actual / kk + (static_cast<std::int64_t>(i) < p.actual % kk);
      // The booths' share of the accepted amount, within the ceiling, in hundreds of thousands.
      Vnd amount = p.accepted * kBoothSharePct / 100 * booths / p.actual;
      if (per_booth > 0) amount = std::min(amount, per_booth * booths);
      amount -= amount % 100'000;
      json booth = {{"facility_id", facilities[i].id}, {"booths", booths}, {"amount_vnd", amount}};
      if (auto b = add_booth(db, a, (*fair)["id"].get<std::int64_t>(), booth); !b)
        return std::unexpected(b.error());
    }
  }
  return {};
}

}  // namespace kc::app

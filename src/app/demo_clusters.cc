#include "app/demo_clusters.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <random>
#include <set>

#include "app/cluster_reports.h"
#include "app/clusters.h"
#include "app/demo_names.h"
#include "store/execution_query.h"

namespace kc::app {
namespace {

using nlohmann::json;

// "Hỗ trợ ... cụm công nghiệp Minh, tỉnh X" -> "Cụm công nghiệp Minh".
std::string cluster_name(const std::string& title) {
  constexpr std::string_view kMark = "cụm công nghiệp ";
  auto at = title.find(kMark);
  if (at == std::string::npos) return title;
  std::string rest = title.substr(at + kMark.size());
  return "Cụm công nghiệp " + rest.substr(0, rest.find(','));
}

// The investors' reports of 2025 (half year and year) and of the first half of 2026: each
// cluster a little fuller than the period before; a few reports late, two clusters silent in
// 2026; 2025 compiled by every province, 2026 by every other one.
Status demo_cluster_reports(store::Connection& db, const Actor& a,
                            const std::vector<json>& clusters) {
  struct Period {
    int year;
    const char* kind;
    const char* received;  // on time; late ones a week after the deadline
    const char* late;
  };
  const Period periods[] = {{2025, "half", "2025-06-16", "2025-06-27"},
                            {2025, "year", "2025-12-17", "2025-12-29"},
                            {2026, "half", "2026-06-15", "2026-06-26"}};
  std::set<std::string> provinces;
  for (std::size_t step = 0; step < std::size(periods); ++step) {
    const Period& p = periods[step];
    for (std::size_t i = 0; i < clusters.size(); ++i) {
      const json& c = clusters[i];
      provinces.insert(c["province_2025"].get<std::string>());
      if (step == 2 && i % 5 == 4) continue;  // not reported
      const double land = c["industrial_land_ha"], leased = c["leased_land_ha"];
      const double grown = std::min(land, leased + land * 0.03 * static_cast<double>(step + 1));
      const std::int64_t tenants =
          c["tenants"].get<std::int64_t>() + static_cast<std::int64_t>(step);
      json body = {
          {"cluster_id", c["id"]},
          {"year", p.year},
          {"kind", p.kind},
          {"received_on", (i + step) % 4 == 3 ? p.late : p.received},
          {"tenants", tenants},
          {"tenant_reports", tenants - static_cast<std::int64_t>(i % 3)},
          {"workers", c["workers"].get<std::int64_t>() + 40 * static_cast<std::int64_t>(step)},
          {"leased_land_ha", std::floor(grown * 100) / 100},
          {"wastewater_done", c["wastewater_done"].get<bool>() || step == 2},
          {"investment_vnd", static_cast<std::int64_t>(1'500'000'000 + 250'000'000 * i)}};
      if (auto r = record_cluster_report(db, a, body); !r) return std::unexpected(r.error());
    }
    std::size_t n = 0;
    for (const auto& province : provinces)
      if (step < 2 || n++ % 2 == 0)
        if (auto r = compile_cluster_reports(
                db, a, {{"year", p.year}, {"kind", p.kind}, {"province", province}});
            !r)
          return std::unexpected(r.error());
  }
  return {};
}

}  // namespace

Status demo_clusters(store::Connection& db, std::int64_t program_id) {
  const Actor a = Actor::system("demo");
  int n = 0;
  std::vector<json> created;
  for (const char* indicator : {"ccn_detailed_plan", "ccn_infrastructure"}) {
    auto projects = store::accepted_outputs_of(db, program_id, indicator);
    if (!projects) return std::unexpected(projects.error());
    const bool planning = std::string_view(indicator) == "ccn_detailed_plan";
    for (const auto& p : *projects) {
      std::mt19937_64 rng(static_cast<std::uint64_t>(p.project_id));
      const std::int64_t area = 2000 + static_cast<std::int64_t>(rng() % 5000);  // 20–70 ha
      const std::int64_t land = area * 70 / 100;
      const std::int64_t share = planning ? 10 + static_cast<std::int64_t>(rng() % 30)
                                          : 45 + static_cast<std::int64_t>(rng() % 45);
      char code[24];
      std::snprintf(code, sizeof code, "CCN-%s-%03d", p.province.code.c_str(), ++n);
      json body = {
          {"code", code},
          {"name", cluster_name(p.title)},
          {"province", {{"set", p.province.set}, {"code", p.province.code}}},
          {"commune",
           "Xã " +
               std::string(demo_names::given_names()[rng() % demo_names::given_names().size()])},
          {"status", planning ? "established" : "operating"},
          {"established_on", p.start.substr(0, 4) == "2018" ? "2017-09-15" : p.start},
          {"area_ha", static_cast<double>(area) / 100},
          {"industrial_land_ha", static_cast<double>(land) / 100},
          {"leased_land_ha", static_cast<double>(land * share / 100) / 100},
          {"investor", p.organizer},
          {"plan_approved_on", planning ? json(p.end) : json("2017-03-01")},
          {"roads_done", !planning},
          {"water_done", !planning},
          {"wastewater_done", !planning && rng() % 2 == 0},
          {"tenants", planning ? 2 + rng() % 5 : 8 + rng() % 30},
          {"workers", planning ? 50 + rng() % 200 : 400 + rng() % 2500},
          {"project_ids", {p.project_id}}};
      auto c = create_cluster(db, a, body);
      if (!c) return std::unexpected(c.error());
      created.push_back(*c);
    }
  }
  return demo_cluster_reports(db, a, created);
}

}  // namespace kc::app

#include "app/demo_clusters.h"

#include <cstdio>
#include <random>

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

}  // namespace

Status demo_clusters(store::Connection& db, std::int64_t program_id) {
  const Actor a = Actor::system("demo");
  int n = 0;
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
      if (auto c = create_cluster(db, a, body); !c) return std::unexpected(c.error());
    }
  }
  return {};
}

}  // namespace kc::app

#include "app/demo_chains.h"

#include <algorithm>

#include "app/chains.h"
#include "store/chain_repo.h"
#include "store/reference_repo.h"

namespace kc::app {

Status demo_chains(store::Connection& db) {
  const Actor a = Actor::system("demo");
  auto seeds = store::chain_seeds(db, 4, 8);
  if (!seeds) return std::unexpected(seeds.error());
  for (const auto& s : *seeds) {
    auto place = store::find_province(db, {"2025", s.province_2025});
    if (!place) return std::unexpected(place.error());
    const std::string where = *place ? (*place)->name_vi : s.province_2025;
    // The supported facilities first: up to three producers, then a supplier and a buyer.
    std::vector<std::int64_t> order;
    for (bool supported : {true, false})
      for (auto [id, yes] : s.facilities)
        if (yes == supported) order.push_back(id);
    const std::size_t producers = std::clamp<std::size_t>(order.size() - 2, 1, 3);
    nlohmann::json links = nlohmann::json::array();
    for (std::size_t i = 0; i < order.size(); ++i) {
      const char* role = i < producers ? "producer" : i == producers ? "supplier" : "buyer";
      if (i > producers && i + 1 != order.size()) continue;  // one buyer: the last
      links.push_back({{"facility_id", order[i]}, {"role", role}});
    }
    std::vector<std::int64_t> projects(
        s.projects.begin(), s.projects.begin() + std::min<std::size_t>(s.projects.size(), 5));
    nlohmann::json body = {
        {"name", "Chuỗi liên kết " + s.industry + " " + where},
        {"product_line", s.industry},
        {"province", {{"set", "2025"}, {"code", s.province_2025}}},
        {"description",
         "Liên kết cơ sở cung cấp nguyên liệu, cơ sở sản xuất và đơn vị bao tiêu "
         "sản phẩm ngành " +
             s.industry + " tại " + where + "."},
        {"links", links},
        {"project_ids", projects}};
    if (auto c = create_chain(db, a, body); !c) return std::unexpected(c.error());
  }
  return {};
}

}  // namespace kc::app

#include "app/demo_products.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <random>

#include "app/demo_names.h"
#include "app/reference.h"
#include "app/typical_products.h"
#include "domain/date.h"
#include "store/execution_query.h"
#include "store/register_repo.h"

namespace kc::app {
namespace {

using nlohmann::json;

// The product group of a demo craft, by its industry.
std::string group_of(std::string_view industry) {
  for (std::string_view h : {"Mây tre đan", "Gốm sứ", "Dệt thổ cẩm", "Chế biến gỗ", "Sơn mài"})
    if (industry == h) return "handicraft";
  if (industry.starts_with("Chế biến") || industry == "Sản xuất bánh kẹo") return "processed_food";
  if (industry.starts_with("Cơ khí")) return "machinery";
  return "other";
}

std::string product_of(std::string_view industry) {
  for (const auto& c : demo_names::crafts())
    if (c.industry == industry) {
      std::string p(c.product);
      if (!p.empty() && p[0] >= 'a' && p[0] <= 'z') p[0] = static_cast<char>(p[0] - 'a' + 'A');
      return p;
    }
  return "Sản phẩm " + std::string(industry);
}

}  // namespace

Status demo_products(store::Connection& db, std::int64_t program_id) {
  const Actor a = Actor::system("demo");
  auto projects = store::accepted_outputs_of(db, program_id, "typical_product_regional");
  if (!projects) return std::unexpected(projects.error());
  auto links = app::list_reference(db, "region-areas");
  if (!links) return std::unexpected(links.error());
  std::map<std::string, std::vector<std::string>> regions_of;  // area -> regions
  std::map<std::string, std::string> area_of;                  // region -> area
  for (const auto& row : (*links)["items"]) {
    std::string region = row.value("region_code", "");
    std::string area = row.value("area_code", "");
    regions_of[area].push_back(region), area_of[region] = area;
  }
  int number = 0;
  for (const auto& p : *projects) {
    const std::string area = area_of[p.region_code];
    std::vector<Facility> pool;
    for (const auto& region : regions_of[area]) {
      ListQuery q;
      q.region = region, q.province_set = "2008", q.page_size = 10000;
      auto page = store::list_facilities(db, q);
      if (!page) return std::unexpected(page.error());
      pool.insert(pool.end(), page->items.begin(), page->items.end());
    }
    if (pool.empty()) continue;
    std::mt19937_64 rng(static_cast<std::uint64_t>(p.project_id));
    std::shuffle(pool.begin(), pool.end(), rng);
    auto start = parse_date(p.start), end = parse_date(p.end);
    if (!start || !end) return std::unexpected(Error::internal("project dates unreadable"));
    const std::string on = to_iso(std::min(add_days(*start, 120), *end));
    for (std::int64_t i = 0; i < p.actual; ++i) {
      const Facility& f = pool[static_cast<std::size_t>(i) % pool.size()];
      // A facility listed twice in a round enters a second product.
      auto round = static_cast<std::size_t>(i) / pool.size();
      std::string name = product_of(f.industry) + " " + f.name.substr(f.name.rfind(' ') + 1);
      if (round > 0) name += " (mẫu " + std::to_string(round + 1) + ")";
      char certificate[40];
      std::snprintf(certificate, sizeof certificate, "SPTB-KV-%s-%03d",
                    p.start.substr(0, 4).c_str(), ++number);
      json body = {{"certificate_no", certificate},
                   {"name", name},
                   {"group", group_of(f.industry)},
                   {"facility_id", f.id},
                   {"level", "regional"},
                   {"area_code", area},
                   {"year", std::stoi(p.start.substr(0, 4))},
                   {"score", 70 + static_cast<int>(rng() % 26)},
                   {"recognized_on", on},
                   {"project_id", p.project_id}};
      if (auto r = recognize_product(db, a, body); !r) return std::unexpected(r.error());
    }
  }
  return {};
}

}  // namespace kc::app

#include "site/province_map.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <vector>

#include "site/html.h"
#include "store/embedded.h"

namespace kc::site {
namespace {

using nlohmann::json;

struct Province {
  std::string code;
  std::string path;  // the SVG path data, in the map's own coordinates
};

struct Map {
  std::vector<Province> provinces;
  double height = 0;
};

constexpr double kWidth = 360;

// Every ring of a Polygon or MultiPolygon geometry.
std::vector<const json*> rings_of(const json& geometry) {
  std::vector<const json*> out;
  if (geometry["type"] == "Polygon")
    for (const auto& ring : geometry["coordinates"]) out.push_back(&ring);
  else
    for (const auto& polygon : geometry["coordinates"])
      for (const auto& ring : polygon) out.push_back(&ring);
  return out;
}

// The provinces' outlines projected once (equirectangular, scaled at the middle latitude).
const Map& the_map() {
  static const Map kMap = [] {
    Map out;
    auto text = embedded::find("provinces-2025.json");
    if (!text) return out;
    json geo = json::parse(*text, nullptr, false);
    if (!geo.is_object()) return out;
    double lon0 = 1e9, lon1 = -1e9, lat0 = 1e9, lat1 = -1e9;
    for (const auto& f : geo["features"])
      for (const json* ring : rings_of(f["geometry"]))
        for (const auto& pt : *ring) {
          const double lon = pt[0].get<double>(), lat = pt[1].get<double>();
          lon0 = std::min(lon0, lon), lon1 = std::max(lon1, lon);
          lat0 = std::min(lat0, lat), lat1 = std::max(lat1, lat);
        }
    const double squeeze = std::cos((lat0 + lat1) / 2 * M_PI / 180);
    const double k = kWidth / ((lon1 - lon0) * squeeze);
    out.height = std::ceil((lat1 - lat0) * k);
    for (const auto& f : geo["features"]) {
      Province p{f["properties"].value("code", ""), {}};
      char buf[48];
      for (const json* ring : rings_of(f["geometry"])) {
        bool first = true;
        double px = 0, py = 0;
        for (const auto& pt : *ring) {
          const double x = (pt[0].get<double>() - lon0) * squeeze * k;
          const double y = (lat1 - pt[1].get<double>()) * k;
          if (!first && std::hypot(x - px, y - py) < 0.7) continue;  // below a pixel: dropped
          std::snprintf(buf, sizeof buf, "%s%.1f %.1f", first ? "M" : "L", x, y);
          p.path += buf, first = false, px = x, py = y;
        }
        p.path += "Z";
      }
      out.provinces.push_back(std::move(p));
    }
    return out;
  }();
  return kMap;
}

// Five blues, lightest for the smallest share; grey for none.
const char* fill_of(std::int64_t v, std::int64_t max) {
  static const char* kShades[] = {"#deebf7", "#9ecae1", "#6baed6", "#3182bd", "#08519c"};
  if (v <= 0 || max <= 0) return "#eeeeee";
  auto i = static_cast<std::size_t>(std::min<std::int64_t>(4, (v * 5 - 1) / max));
  return kShades[i];
}

}  // namespace

std::string province_map_svg(const std::map<std::string, std::int64_t>& figures,
                             const std::map<std::string, std::string>& titles,
                             const std::string& caption) {
  std::int64_t max = 0;
  for (const auto& [code, v] : figures) max = std::max(max, v);
  char box[64];
  std::snprintf(box, sizeof box, "0 0 %.0f %.0f", kWidth, the_map().height);
  std::string out = "<figure class=\"map\"><svg role=\"img\" viewBox=\"" + std::string(box) +
                    "\" width=\"360\" aria-labelledby=\"map-caption\">";
  for (const auto& p : the_map().provinces) {
    auto v = figures.find(p.code);
    auto t = titles.find(p.code);
    out += "<path d=\"" + p.path + "\" fill=\"" + fill_of(v == figures.end() ? 0 : v->second, max) +
           "\" stroke=\"#ffffff\" stroke-width=\"0.6\"><title>" +
           escape(t == titles.end() ? p.code : t->second) + "</title></path>";
  }
  return out + "</svg><figcaption id=\"map-caption\">" + escape(caption) + "</figcaption></figure>";
}

}  // namespace kc::site

#pragma once
// Word lists for the demo data set: realistic Vietnamese names of crafts, products,
// organizations and facilities. Data only.
#include <string_view>
#include <vector>

namespace kc::app::demo_names {

struct Craft {
  std::string_view industry;   // ngành nghề
  std::string_view product;    // sản phẩm
  std::string_view machinery;  // máy móc, công nghệ
};

const std::vector<Craft>& crafts();
const std::vector<std::string_view>&
facility_prefixes();  // per facility kind, same order as kFacilityKinds
const std::vector<std::string_view>& given_names();  // proper names for facilities
const std::vector<std::string_view>& fair_names();
const std::vector<std::string_view>& training_topics();
const std::vector<std::string_view>& info_topics();
const std::vector<std::string_view>& capacity_topics();

}  // namespace kc::app::demo_names

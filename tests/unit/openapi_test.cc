// Every route in the router's table must be documented in the OpenAPI document.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "http/router.h"
#include "store/embedded.h"

namespace kc::http {
namespace {

TEST(OpenApi, DocumentsEveryRoute) {
  auto text = embedded::find("openapi.json");
  ASSERT_TRUE(text);
  auto doc = nlohmann::json::parse(*text);
  EXPECT_EQ(doc["openapi"], "3.1.0");
  ASSERT_FALSE(routes().empty());
  for (const auto& r : routes()) {
    std::string method = r.method;
    for (auto& c : method) c = static_cast<char>(std::tolower(c));
    EXPECT_TRUE(doc["paths"].contains(r.pattern)) << r.pattern << " is missing from openapi.json";
    if (doc["paths"].contains(r.pattern)) {
      EXPECT_TRUE(doc["paths"][r.pattern].contains(method))
          << r.method << " " << r.pattern << " is missing";
    }
  }
}

TEST(OpenApi, DocumentsNoRouteThatDoesNotExist) {
  auto doc = nlohmann::json::parse(*embedded::find("openapi.json"));
  for (auto& [path, item] : doc["paths"].items()) {
    for (auto& [method, op] : item.items()) {
      bool found = false;
      for (const auto& r : routes()) {
        std::string m = r.method;
        for (auto& c : m) c = static_cast<char>(std::tolower(c));
        found = found || (r.pattern == path && m == method);
      }
      EXPECT_TRUE(found) << method << " " << path << " is documented but not routed";
    }
  }
}

}  // namespace
}  // namespace kc::http

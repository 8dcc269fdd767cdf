// Every route in the router's table must be documented in the OpenAPI document.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "app/policy.h"
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

bool r_cacheable(const std::string& path, const std::string& method) {
  for (const auto& r : routes())
    if (r.pattern == path && r.method == "GET" && method == "get") return r.cacheable;
  return false;
}

// The contract of every answer: a 2xx response with a schema for each media type it sends
// (204 has no body), and a `default` problem+json response for every error. The API tests
// validate every response they receive against these schemas (tests/api/contract.mjs).
TEST(OpenApi, EveryOperationHasResponseSchemas) {
  auto doc = nlohmann::json::parse(*embedded::find("openapi.json"));
  for (auto& [path, item] : doc["paths"].items()) {
    for (auto& [method, op] : item.items()) {
      std::string where = method + " " + path;
      bool success = false;
      for (auto& [status, response] : op["responses"].items()) {
        if (status == "204") success = true;
        if (status == "304") {
          EXPECT_TRUE(r_cacheable(path, method)) << where << " says 304 but is not cacheable";
        }
        if (status[0] != '2' || status == "204") continue;
        ASSERT_TRUE(response.contains("content")) << where << " " << status << " has no content";
        for (auto& [type, media] : response["content"].items())
          EXPECT_TRUE(media.contains("schema")) << where << " " << status << " " << type;
        success = true;
      }
      EXPECT_TRUE(success) << where << " documents no successful answer";
      ASSERT_TRUE(op["responses"].contains("default")) << where << " has no default response";
      EXPECT_EQ(op["responses"]["default"]["content"]["application/problem+json"]["schema"]["$ref"],
                "#/components/schemas/Problem")
          << where;
    }
  }
}

TEST(OpenApi, EveryErrorKindHasItsProblemTitle) {
  for (auto kind : all_error_kinds()) {
    EXPECT_FALSE(title(kind).empty());
    EXPECT_GE(http_status(kind), 300);
  }
}

// The field codes the server sends are exactly those the document lists (the web's message
// catalogue is typed from that list, so a code without a Vietnamese text fails its typecheck),
// and each code's table row is in enum order.
TEST(OpenApi, ListsEveryFieldCodeInOrder) {
  auto doc = nlohmann::json::parse(*embedded::find("openapi.json"));
  const auto& listed = doc["components"]["schemas"]["Problem"]["properties"]["errors"]["items"]
                          ["properties"]["code"]["enum"];
  const auto& table = field_codes();
  ASSERT_EQ(listed.size(), table.size());
  for (size_t i = 0; i < table.size(); ++i) {
    EXPECT_EQ(static_cast<size_t>(table[i].code), i) << table[i].name;
    EXPECT_EQ(listed[i].get<std::string>(), table[i].name);
    EXPECT_EQ(code_name(table[i].code), table[i].name);
  }
  const auto& permissions =
      doc["components"]["schemas"]["Session"]["properties"]["permissions"]["items"]["enum"];
  ASSERT_EQ(permissions.size(), app::permission_names().size());
  for (size_t i = 0; i < permissions.size(); ++i)
    EXPECT_EQ(permissions[i].get<std::string>(), app::permission_names()[i].second);
  FieldError e{"title", FieldCode::too_long, {{"max", "500"}}};
  EXPECT_EQ(e.message, "is longer than 500 bytes");
}

}  // namespace
}  // namespace kc::http

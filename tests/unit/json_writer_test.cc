// The streaming JSON writer against nlohmann's parser: what it writes parses back to the same
// values, escapes included.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "io/json_writer.h"

namespace kc {
namespace {

TEST(JsonWriter, WritesWhatAParserReadsBack) {
  const std::string tricky = "Đồng \"Nai\"\\ tab\t line\n cr\r bell\x07 end";
  std::string out;
  io::JsonWriter w(out);
  w.begin_object().field("name", tricky).field("n", std::int64_t{-9'007'199'254'740'993});
  w.key("empty").begin_array().end_array();
  w.key("none").null();
  w.key("items").begin_array();
  for (std::int64_t i = 0; i < 3; ++i) w.begin_object().field("i", i).end_object();
  w.value("last").end_array();
  w.key("nested").begin_object().key("inner").begin_object().end_object().end_object();
  w.end_object();

  auto j = nlohmann::json::parse(out);
  EXPECT_EQ(j["name"], tricky);
  EXPECT_EQ(j["n"].get<std::int64_t>(), -9'007'199'254'740'993);
  EXPECT_TRUE(j["empty"].is_array() && j["empty"].empty());
  EXPECT_TRUE(j["none"].is_null());
  ASSERT_EQ(j["items"].size(), 4u);
  EXPECT_EQ(j["items"][2]["i"], 2);
  EXPECT_EQ(j["items"][3], "last");
  EXPECT_TRUE(j["nested"]["inner"].is_object());
  EXPECT_NE(out.find("\\u0007"), std::string::npos);  // a control character, escaped
}

TEST(JsonWriter, AppendsToWhatTheBufferHolds) {
  std::string out = "[";
  io::JsonWriter(out).begin_object().field("a", std::int64_t{1}).end_object();
  out += ",";
  io::JsonWriter(out).begin_object().field("a", std::int64_t{2}).end_object();
  out += "]";
  EXPECT_EQ(nlohmann::json::parse(out), nlohmann::json::parse(R"([{"a":1},{"a":2}])"));
}

}  // namespace
}  // namespace kc

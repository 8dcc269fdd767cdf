#pragma once
// JSON written straight into a text buffer, for exports that stream a million records: no
// document is built, so no allocation per value (nlohmann::json stays the tool for everything
// that is not bulk). Commas are placed by the writer; strings are escaped as RFC 8259 requires
// (quote, backslash and control characters; the rest of UTF-8 is written as it is).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kc::io {

class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}

  JsonWriter& begin_object() { return open('{'); }
  JsonWriter& end_object() { return close('}'); }
  JsonWriter& begin_array() { return open('['); }
  JsonWriter& end_array() { return close(']'); }
  // The next value's name, inside an object.
  JsonWriter& key(std::string_view name);

  JsonWriter& value(std::string_view s);
  JsonWriter& value(const char* s) { return value(std::string_view(s)); }
  JsonWriter& value(std::int64_t n);
  JsonWriter& null();

  // key(name).value(v), for brevity.
  template <class V>
  JsonWriter& field(std::string_view name, const V& v) {
    return key(name).value(v);
  }

 private:
  JsonWriter& open(char bracket);
  JsonWriter& close(char bracket);
  void separate();  // a comma before a value that is not the first of its container
  void quoted(std::string_view s);

  std::string& out_;
  std::vector<bool> first_;  // per open container: nothing written in it yet
  bool after_key_ = false;
};

}  // namespace kc::io

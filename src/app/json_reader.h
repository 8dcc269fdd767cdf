#pragma once
// Strict reading of a JSON object into typed fields. Every problem becomes a FieldError that
// names the field: a missing required field, a wrong type, a fractional or out-of-range
// number, a malformed date, text with control characters (every string is cleaned by
// domain/normalize.h: NFC, invisible characters removed, trimmed), and — when finish() is called —
// every field the reader was never asked about (unknown fields are errors, not silently dropped).
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "domain/date.h"
#include "domain/error.h"

namespace kc::app {

using nlohmann::json;

class JsonReader {
 public:
  // `prefix` is prepended to field names ("provinces/0/").
  JsonReader(const json& object, std::string prefix, std::vector<FieldError>& errors);

  bool is_object() const { return ok_; }
  bool has(const char* key) const;
  std::string text(const char* key, bool required);
  // Several lines (domain/normalize.h clean_lines): Markdown keeps its line breaks.
  std::string lines(const char* key, bool required);
  // Required text (one line, or several) that may not be empty once cleaned (`not_empty`).
  std::string filled_text(const char* key);
  std::string filled_lines(const char* key);
  std::optional<std::int64_t> integer(const char* key, bool required);
  // A finite number, whole or not.
  std::optional<double> number(const char* key, bool required);
  bool boolean(const char* key);
  std::optional<Date> date(const char* key, bool required);
  // The array at key (nullptr when absent; an error when not an array).
  const json* array(const char* key, bool required);
  // Arrays of record ids (positive integers) and of strings; each bad item is named
  // ("key/2"). Absent: empty.
  std::vector<std::int64_t> ids(const char* key, bool required);
  std::vector<std::string> strings(const char* key, bool required);
  // The object at key (nullptr when absent; an error when not an object).
  const json* object(const char* key, bool required);
  void ignore(const char* key);
  // Reports unknown fields.
  void finish();

  std::string path(const std::string& key) const { return prefix_ + key; }
  void error(const std::string& key, FieldCode code, FieldParams params = {}) {
    errors_.push_back({path(key), code, std::move(params)});
  }

 private:
  const json* get(const char* key, bool required);
  const json& obj_;
  std::string prefix_;
  std::vector<FieldError>& errors_;
  // The object's keys asked about (a few, by address: no copies of the names).
  std::vector<const std::string*> seen_;
  bool ok_;
};

// Parses a request body: invalid UTF-8, malformed JSON or a non-object gives bad_request.
Result<json> parse_body(std::string_view body);

}  // namespace kc::app

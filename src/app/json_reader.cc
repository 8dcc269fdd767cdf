#include "app/json_reader.h"

#include <algorithm>
#include <limits>

#include "domain/normalize.h"
#include "domain/text.h"

namespace kc::app {

JsonReader::JsonReader(const json& object, std::string prefix, std::vector<FieldError>& errors)
    : obj_(object), prefix_(std::move(prefix)), errors_(errors), ok_(object.is_object()) {
  if (!ok_)
    errors_.push_back(
        {prefix_.empty() ? "body" : prefix_.substr(0, prefix_.size() - 1), FieldCode::not_object});
}

bool JsonReader::has(const char* key) const {
  return ok_ && obj_.contains(key) && !obj_[key].is_null();
}

void JsonReader::ignore(const char* key) {
  if (!ok_) return;
  if (auto it = obj_.find(key); it != obj_.end()) seen_.push_back(&it.key());
}

const json* JsonReader::get(const char* key, bool required) {
  if (!ok_) return nullptr;
  auto it = obj_.find(key);
  if (it != obj_.end()) seen_.push_back(&it.key());
  if (it == obj_.end() || it->is_null()) {
    if (required) error(key, FieldCode::required);
    return nullptr;
  }
  return &*it;
}

std::string JsonReader::text(const char* key, bool required) {
  const json* v = get(key, required);
  if (!v) return {};
  if (!v->is_string()) {
    error(key, FieldCode::not_string);
    return {};
  }
  auto clean = clean_text(v->get_ref<const std::string&>());
  if (!clean) {
    error(key, FieldCode::bad_text, {{"reason", clean.error().message}});
    return {};
  }
  return std::move(*clean);
}

std::string JsonReader::lines(const char* key, bool required) {
  const json* v = get(key, required);
  if (!v) return {};
  if (!v->is_string()) {
    error(key, FieldCode::not_string);
    return {};
  }
  auto clean = clean_lines(v->get_ref<const std::string&>());
  if (!clean) {
    error(key, FieldCode::bad_text, {{"reason", clean.error().message}});
    return {};
  }
  return std::move(*clean);
}

std::string JsonReader::filled_text(const char* key) {
  std::string s = text(key, true);
  if (s.empty() && has(key)) error(key, FieldCode::not_empty);
  return s;
}

std::string JsonReader::filled_lines(const char* key) {
  std::string s = lines(key, true);
  if (s.empty() && has(key)) error(key, FieldCode::not_empty);
  return s;
}

std::optional<double> JsonReader::number(const char* key, bool required) {
  const json* v = get(key, required);
  if (!v) return std::nullopt;
  if (!v->is_number()) {
    error(key, FieldCode::not_number);
    return std::nullopt;
  }
  return v->get<double>();
}

std::optional<std::int64_t> JsonReader::integer(const char* key, bool required) {
  const json* v = get(key, required);
  if (!v) return std::nullopt;
  if (v->is_number_integer()) {
    if (v->is_number_unsigned() &&
        v->get<std::uint64_t>() >
            static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
      error(key, FieldCode::too_large);
      return std::nullopt;
    }
    return v->get<std::int64_t>();
  }
  if (v->is_number_float()) {
    error(key, FieldCode::not_whole_number);
  } else {
    error(key, FieldCode::not_integer);
  }
  return std::nullopt;
}

bool JsonReader::boolean(const char* key) {
  const json* v = get(key, false);
  if (!v) return false;
  if (!v->is_boolean()) {
    error(key, FieldCode::not_boolean);
    return false;
  }
  return v->get<bool>();
}

std::optional<Date> JsonReader::date(const char* key, bool required) {
  std::string s = text(key, required);
  if (s.empty()) return std::nullopt;
  auto d = parse_date(s);
  if (!d) error(key, FieldCode::not_date);
  return d;
}

std::vector<std::int64_t> JsonReader::ids(const char* key, bool required) {
  std::vector<std::int64_t> out;
  const json* a = array(key, required);
  for (std::size_t i = 0; a && i < a->size(); ++i) {
    const json& v = (*a)[i];
    if (v.is_number_integer() && v.get<std::int64_t>() > 0)
      out.push_back(v.get<std::int64_t>());
    else
      error(std::string(key) + "/" + std::to_string(i), FieldCode::not_id);
  }
  return out;
}

std::vector<std::string> JsonReader::strings(const char* key, bool required) {
  std::vector<std::string> out;
  const json* a = array(key, required);
  for (std::size_t i = 0; a && i < a->size(); ++i) {
    if ((*a)[i].is_string())
      out.push_back((*a)[i].get<std::string>());
    else
      error(std::string(key) + "/" + std::to_string(i), FieldCode::not_string);
  }
  return out;
}

const json* JsonReader::object(const char* key, bool required) {
  const json* v = get(key, required);
  if (v && !v->is_object()) {
    error(key, FieldCode::not_object);
    return nullptr;
  }
  return v;
}

const json* JsonReader::array(const char* key, bool required) {
  const json* v = get(key, required);
  if (v && !v->is_array()) {
    error(key, FieldCode::not_array);
    return nullptr;
  }
  return v;
}

void JsonReader::finish() {
  if (!ok_) return;
  for (auto it = obj_.begin(); it != obj_.end(); ++it)
    if (std::ranges::find(seen_, &it.key()) == seen_.end())
      error(it.key(), FieldCode::unknown_field);
}

Result<json> parse_body(std::string_view body) {
  if (!is_valid_utf8(body))
    return std::unexpected(
        Error::bad_request("the body is not valid UTF-8", {{"body", FieldCode::not_utf8}}));
  json j = json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded())
    return std::unexpected(
        Error::bad_request("the body is not valid JSON", {{"body", FieldCode::not_json}}));
  if (!j.is_object())
    return std::unexpected(
        Error::bad_request("the body must be a JSON object", {{"body", FieldCode::not_object}}));
  return j;
}

}  // namespace kc::app

#include "io/csv.h"

#include "domain/text.h"

namespace kc::io {
namespace {

Error row_error(size_t row, std::string message) {
  std::string where = "row " + std::to_string(row);
  return Error::invalid(where + ": " + message, {{where, std::move(message)}});
}

}  // namespace

Result<Table> parse_csv(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  std::vector<std::vector<std::string>> records;
  std::vector<std::string> record;
  std::string field;
  bool quoted = false, field_started = false;
  size_t line = 1, record_line = 1;
  auto end_field = [&] {
    record.push_back(std::move(field));
    field.clear();
    field_started = false;
  };
  auto end_record = [&] {
    end_field();
    bool blank = record.size() == 1 && record[0].empty();
    if (!blank) records.push_back(std::move(record));
    record.clear();
  };
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          quoted = false;
        }
      } else {
        if (c == '\n') ++line;
        field += c;
      }
      continue;
    }
    if (c == '"' && !field_started && field.empty()) {
      quoted = true;
      field_started = true;
    } else if (c == ',') {
      end_field();
    } else if (c == '\r') {
      continue;
    } else if (c == '\n') {
      end_record();
      ++line;
      record_line = line;
    } else {
      field += c;
      field_started = true;
    }
  }
  if (quoted) return std::unexpected(row_error(record_line, "a quoted field is not closed"));
  if (!field.empty() || !record.empty()) end_record();
  if (records.empty()) return std::unexpected(Error::invalid("the file is empty"));

  Table t;
  t.header = std::move(records.front());
  for (auto& h : t.header) h = std::string(trim(h));
  for (size_t r = 1; r < records.size(); ++r) {
    auto& rec = records[r];
    size_t row = r + 1;
    if (rec.size() > t.header.size())
      return std::unexpected(row_error(row, "has " + std::to_string(rec.size()) +
                                                " cells but the header has " +
                                                std::to_string(t.header.size())));
    for (auto& cell : rec)
      if (!is_valid_utf8(cell)) return std::unexpected(row_error(row, "is not valid UTF-8"));
    rec.resize(t.header.size());
    t.rows.push_back(std::move(rec));
  }
  return t;
}

void append_csv_record(std::string& out, const std::vector<std::string>& fields) {
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i) out += ',';
    const std::string& f = fields[i];
    if (f.find_first_of(",\"\r\n") == std::string::npos) {
      out += f;
      continue;
    }
    out += '"';
    for (char c : f) {
      if (c == '"') out += '"';
      out += c;
    }
    out += '"';
  }
  out += "\r\n";
}

}  // namespace kc::io

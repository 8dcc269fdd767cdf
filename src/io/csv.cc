#include "io/csv.h"

#include <array>
#include <set>

#include "domain/text.h"
#include "io/problems.h"

namespace kc::io {
namespace {

// The bytes that end a run of plain text, outside and inside quotes.
constexpr std::string_view kStops = ",\"\r\n", kQuotedStops = "\"\r\n";

// Splits the text into records of fields. Line ends are \r\n, \n or a lone \r.
struct Splitter {
  std::vector<std::vector<std::string>> records;
  std::vector<std::size_t> lines;  // the line each record starts on
  bool unclosed = false;
  std::size_t unclosed_line = 0;

  void run(std::string_view text) {
    std::vector<std::string> record;
    std::string field;
    bool quoted = false, started = false;
    std::size_t line = 1, record_line = 1;
    auto end_field = [&] {
      record.push_back(std::move(field));
      field.clear();
      started = false;
    };
    auto end_record = [&] {
      end_field();
      bool blank = record.size() == 1 && record[0].empty();
      if (!blank) records.push_back(std::move(record)), lines.push_back(record_line);
      record.clear();
      record.reserve(records.empty() ? 0 : records.front().size());
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
      char c = text[i];
      if (quoted) {
        if (c == '"') {
          if (i + 1 < text.size() && text[i + 1] == '"')
            field += '"', ++i;
          else
            quoted = false;
        } else if (c == '\n' || c == '\r') {
          if (c == '\n' || i + 1 >= text.size() || text[i + 1] != '\n') ++line;
          field += c;
        } else {  // a run up to the next quote or line end, at once
          std::size_t end = text.find_first_of(kQuotedStops, i + 1);
          if (end == std::string_view::npos) end = text.size();
          field.append(text, i, end - i);
          i = end - 1;
        }
        continue;
      }
      if (c == '"' && !started && field.empty()) {
        quoted = started = true;
      } else if (c == ',') {
        end_field();
      } else if (c == '\r' || c == '\n') {
        if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
        end_record();
        record_line = ++line;
      } else {  // a run up to the next separator, quote or line end, at once
        std::size_t end = text.find_first_of(kStops, i + 1);
        if (end == std::string_view::npos) end = text.size();
        field.append(text, i, end - i);
        i = end - 1;
        started = true;
      }
    }
    if (quoted) unclosed = true, unclosed_line = record_line;
    if (!field.empty() || !record.empty()) end_record();
  }
};

}  // namespace

Result<Table> parse_csv(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  Splitter sp;
  sp.run(text);
  if (sp.unclosed)
    return std::unexpected(
        Error::invalid("row " + std::to_string(sp.unclosed_line) + ": a quoted field is not closed",
                       {{"row " + std::to_string(sp.unclosed_line),
                         FieldCode::file_problem,
                         {{"message", "a quoted field is not closed"}}}}));
  if (sp.records.empty()) return std::unexpected(Error::invalid("the file is empty"));

  ProblemList problems;
  // Cells split at ASCII bytes only: in a text of valid UTF-8 each of them is valid too.
  const bool utf8 = is_valid_utf8(text);
  Table t;
  t.header = std::move(sp.records.front());
  std::set<std::string> seen;
  for (std::size_t c = 0; c < t.header.size(); ++c) {
    auto& h = t.header[c];
    if (!is_valid_utf8(h)) {
      problems.add(1, "header", FieldCode::not_utf8_cell);
      h.clear();
      continue;
    }
    h = std::string(trim(h));
    if (!h.empty() && !seen.insert(h).second) problems.add(1, h, FieldCode::listed_twice);
  }
  for (std::size_t r = 1; r < sp.records.size(); ++r) {
    auto& rec = sp.records[r];
    std::size_t row = sp.lines[r];
    if (rec.size() > t.header.size()) {
      problems.add(
          row, "", FieldCode::cell_count,
          {{"cells", std::to_string(rec.size())}, {"columns", std::to_string(t.header.size())}});
      continue;
    }
    for (std::size_t c = 0; c < rec.size() && !utf8; ++c)
      if (!is_valid_utf8(rec[c]))
        problems.add(row, t.header[c].empty() ? std::to_string(c + 1) : t.header[c],
                     FieldCode::not_utf8_cell);
    rec.resize(t.header.size());
    t.rows.push_back(std::move(rec));
    t.row_numbers.push_back(row);
  }
  if (!problems.empty())
    return std::unexpected(problems.error(std::to_string(problems.count()) +
                                          " problem(s) in the file; nothing was imported"));
  return t;
}

namespace {

// A cell starting like a formula is run by spreadsheet programs.
bool formula_like(std::string_view cell) {
  return !cell.empty() && (cell[0] == '=' || cell[0] == '+' || cell[0] == '-' || cell[0] == '@' ||
                           cell[0] == '\t' || cell[0] == '\r');
}

// The bidirectional controls are U+061C (D8 9C in UTF-8) and U+200E..U+2069 (E2 80/81 ..):
// text without those lead bytes (all of Vietnamese) has none, and is taken as it is.
constexpr char kBidiLeads[] = "\xE2\xD8";
// The bytes that make a cell quoted.
constexpr char kQuoted[] = ",\"\r\n";

bool may_hold_bidi(std::string_view cell) {
  return cell.find_first_of(kBidiLeads) != std::string_view::npos;
}

// Whether a cell is written as it is: not formula-like, no byte that may start a bidirectional
// control, nothing to quote. One pass over a table of those bytes.
bool plain_cell(std::string_view cell) {
  static const auto special = [] {
    std::array<bool, 256> t{};
    for (unsigned char c : std::string_view(kBidiLeads)) t[c] = true;
    for (unsigned char c : std::string_view(kQuoted)) t[c] = true;
    return t;
  }();
  if (formula_like(cell)) return false;
  for (unsigned char c : cell)
    if (special[c]) return false;
  return true;
}

}  // namespace

std::string spreadsheet_safe(std::string_view cell) {
  return (formula_like(cell) ? "'" : "") + without_bidi_controls(cell);
}

std::string without_bidi_controls(std::string_view cell) {
  if (!may_hold_bidi(cell)) return std::string(cell);
  std::string out;
  out.reserve(cell.size());
  for (std::size_t i = 0; i < cell.size();) {
    char32_t cp = 0;
    std::size_t n = decode_utf8(cell, i, cp);
    if (n == 0) n = 1, cp = 0;
    bool bidi = cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
                (cp >= 0x2066 && cp <= 0x2069) || cp == 0x061C;
    if (!bidi) out.append(cell.substr(i, n));
    i += n;
  }
  return out;
}

void append_csv_record(std::string& out, const std::vector<std::string>& fields) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i) out += ',';
    const std::string& raw = fields[i];
    if (plain_cell(raw)) {
      out += raw;  // the common cell: nothing to change, nothing to quote
      continue;
    }
    std::string f = spreadsheet_safe(raw);
    if (f.find_first_of(kQuoted) == std::string::npos) {
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

#include "io/xlsx_reader.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

#include "domain/text.h"
#include "io/problems.h"

namespace kc::io {
namespace {

std::optional<long long> to_int(std::string_view s) {
  long long v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc{} || p != s.data() + s.size()) return std::nullopt;
  return v;
}

// "BC12" -> zero-based column 54; nullopt past XFD (16,384 columns) or when malformed.
std::optional<std::size_t> column_of(std::string_view ref) {
  std::size_t col = 0, letters = 0;
  for (char c : ref) {
    if (c < 'A' || c > 'Z') break;
    col = col * 26 + static_cast<std::size_t>(c - 'A' + 1);
    if (++letters > 3) return std::nullopt;
  }
  if (letters == 0 || col > 16384) return std::nullopt;
  return col - 1;
}

std::string column_name(std::size_t col) {
  std::string s;
  for (++col; col > 0; col = (col - 1) / 26)
    s.insert(s.begin(), static_cast<char>('A' + (col - 1) % 26));
  return s;
}

bool is_date_format(int id, const std::string& code) {
  // Built-in formats: 14..17 and 22 are dates (18..21 and 45..47 only times); 27..36 and
  // 50..58 are the East Asian date formats.
  if ((id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58))
    return true;
  if (code.empty()) return false;
  std::string plain;  // the code without quoted text, [colours] and escaped characters
  for (std::size_t i = 0; i < code.size(); ++i) {
    char c = code[i];
    if (c == '"') {
      i = code.find('"', i + 1);
      if (i == std::string::npos) break;
    } else if (c == '[') {
      i = code.find(']', i + 1);
      if (i == std::string::npos) break;
    } else if (c == '\\') {
      ++i;
    } else {
      plain += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  return plain.find_first_of("dy") != std::string::npos ||
         (plain.find('m') != std::string::npos && plain.find_first_of("hs") == std::string::npos);
}

std::string number_text(std::string_view v) {
  double d = 0;
  auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), d);
  if (ec != std::errc{} || p != v.data() + v.size() || !std::isfinite(d)) return std::string(v);
  if (std::floor(d) == d && std::fabs(d) < 9.0e15) return std::to_string(static_cast<long long>(d));
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.15g", d);
  return buf;
}

struct Workbook {
  bool date1904 = false;
  std::vector<std::pair<std::string, std::string>> sheets;  // name, relationship id
  std::map<std::string, std::string> targets;               // relationship id -> part
  std::vector<bool> date_styles;                            // cellXfs index -> date format
  std::vector<std::string> shared;
};

Status read_workbook(ZipArchive& zip, Workbook& wb) {
  ZipArchive::Handlers h;
  h.start = [&](std::string_view name, const ZipArchive::Attributes& a) {
    if (name == "workbookPr") {
      auto v = attribute(a, "date1904");
      wb.date1904 = v == "1" || v == "true";
    } else if (name == "sheet") {
      wb.sheets.emplace_back(attribute(a, "name"), attribute(a, "id"));
    }
  };
  if (auto s = zip.parse("xl/workbook.xml", h); !s) return s;
  ZipArchive::Handlers rels;
  rels.start = [&](std::string_view name, const ZipArchive::Attributes& a) {
    if (name != "Relationship") return;
    std::string target(attribute(a, "Target"));
    if (target.starts_with("/"))
      target.erase(0, 1);
    else
      target = "xl/" + target;
    wb.targets[std::string(attribute(a, "Id"))] = target;
  };
  if (auto s = zip.parse("xl/_rels/workbook.xml.rels", rels); !s) return s;

  if (zip.has("xl/styles.xml")) {
    std::map<int, std::string> codes;
    bool in_xfs = false;
    ZipArchive::Handlers st;
    st.start = [&](std::string_view name, const ZipArchive::Attributes& a) {
      if (name == "numFmt") {
        if (auto id = to_int(attribute(a, "numFmtId")))
          codes[static_cast<int>(*id)] = std::string(attribute(a, "formatCode"));
      } else if (name == "cellXfs") {
        in_xfs = true;
      } else if (name == "xf" && in_xfs) {
        int id = static_cast<int>(to_int(attribute(a, "numFmtId")).value_or(0));
        wb.date_styles.push_back(is_date_format(id, codes.contains(id) ? codes[id] : ""));
      }
    };
    st.end = [&](std::string_view name) {
      if (name == "cellXfs") in_xfs = false;
    };
    if (auto s = zip.parse("xl/styles.xml", st); !s) return s;
  }

  if (zip.has("xl/sharedStrings.xml")) {
    std::string current;
    bool in_t = false, in_phonetic = false;
    ZipArchive::Handlers ss;
    ss.start = [&](std::string_view name, const ZipArchive::Attributes&) {
      if (name == "si") current.clear();
      if (name == "rPh") in_phonetic = true;
      if (name == "t" && !in_phonetic) in_t = true;
    };
    ss.end = [&](std::string_view name) {
      if (name == "t") in_t = false;
      if (name == "rPh") in_phonetic = false;
      if (name == "si") wb.shared.push_back(std::move(current));
    };
    ss.text = [&](std::string_view t) {
      if (in_t) current.append(t);
    };
    if (auto s = zip.parse("xl/sharedStrings.xml", ss); !s) return s;
  }
  return {};
}

}  // namespace

std::string excel_serial_to_iso(long long serial, bool date1904) {
  // Days from 1970-01-01 of the system's day 0 (1899-12-31 with the phantom 29/02/1900
  // making serials from 61 on count from 1899-12-30; 1904-01-01 for the 1904 system).
  long long days;
  if (date1904)
    days = serial - 24107;
  else if (serial >= 61)
    days = serial - 25569;
  else if (serial >= 1 && serial <= 59)
    days = serial - 25568;
  else
    return {};
  if (days < -25567 || days > 2932896) return {};  // 1900..9999
  // Civil date from days since the epoch (Howard Hinnant's algorithm).
  long long z = days + 719468;
  long long era = (z >= 0 ? z : z - 146096) / 146097;
  long long doe = z - era * 146097;
  long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long long y = yoe + era * 400;
  long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long long mp = (5 * doy + 2) / 153;
  long long d = doy - (153 * mp + 2) / 5 + 1;
  long long m = mp < 10 ? mp + 3 : mp - 9;
  if (m <= 2) ++y;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04lld-%02lld-%02lld", y, m, d);
  return buf;
}

Result<Table> read_xlsx(const std::string& path, const XlsxOptions& opt) {
  auto zip = ZipArchive::open(path, opt.limits);
  if (!zip) return std::unexpected(zip.error());
  Workbook wb;
  if (auto s = read_workbook(**zip, wb); !s) return std::unexpected(s.error());
  if (wb.sheets.empty()) return std::unexpected(Error::invalid("the workbook has no sheet"));
  const std::pair<std::string, std::string>* sheet = &wb.sheets.front();
  if (!opt.sheet.empty()) {
    sheet = nullptr;
    std::string names;
    for (const auto& s : wb.sheets) {
      if (s.first == opt.sheet) sheet = &s;
      names += (names.empty() ? "" : ", ") + s.first;
    }
    if (!sheet)
      return std::unexpected(
          Error::invalid("the workbook has no sheet named " + opt.sheet,
                         {{"--sheet", FieldCode::one_of, {{"allowed", names}}}}));
  }
  auto part = wb.targets.find(sheet->second);
  if (part == wb.targets.end())
    return std::unexpected(Error::invalid("the sheet " + sheet->first + " has no part"));

  Table t;
  ProblemList problems;
  bool have_header = false;
  std::size_t row = 0, next_col = 0, col = 0, kept = 0;
  std::string type, value;
  bool date_style = false, in_value = false, in_inline = false, in_phonetic = false;
  std::vector<std::pair<std::size_t, std::string>> cells;  // of the current row
  ZipArchive::Handlers h;
  auto stop = [&](Error e) { h.stop = std::move(e); };
  h.start = [&](std::string_view name, const ZipArchive::Attributes& a) {
    if (name == "row") {
      auto r = attribute(a, "r");
      auto n = r.empty() ? std::optional<long long>(static_cast<long long>(row) + 1) : to_int(r);
      if (!n || *n < 1 || static_cast<std::size_t>(*n) > opt.max_rows)
        return stop(Error::too_large("row " + std::string(r.empty() ? "?" : shorten(r)) +
                                     ": a sheet has at most " + std::to_string(opt.max_rows) +
                                     " rows"));
      row = static_cast<std::size_t>(*n);
      next_col = 0;
      cells.clear();
    } else if (name == "c") {
      auto ref = attribute(a, "r");
      auto c = ref.empty() ? std::optional<std::size_t>(next_col) : column_of(ref);
      if (!c)
        return stop(
            Error::invalid("row " + std::to_string(row) + ": bad cell reference " + shorten(ref)));
      col = *c;
      next_col = col + 1;
      type = attribute(a, "t");
      auto style = to_int(attribute(a, "s")).value_or(0);
      date_style = style >= 0 && static_cast<std::size_t>(style) < wb.date_styles.size() &&
                   wb.date_styles[static_cast<std::size_t>(style)];
      value.clear();
    } else if (name == "v") {
      in_value = true;
    } else if (name == "is") {
      in_inline = true;
    } else if (name == "rPh") {
      in_phonetic = true;
    } else if (name == "t" && in_inline && !in_phonetic) {
      in_value = true;
    }
  };
  h.text = [&](std::string_view s) {
    if (in_value) value.append(s);
  };
  h.end = [&](std::string_view name) {
    if (name == "v" || name == "t") {
      in_value = false;
    } else if (name == "rPh") {
      in_phonetic = false;
    } else if (name == "is") {
      in_inline = false;
    } else if (name == "c") {
      std::string text;
      if (type == "s") {
        auto idx = to_int(value);
        if (!idx || *idx < 0 || static_cast<std::size_t>(*idx) >= wb.shared.size())
          return problems.add(row, column_name(col), "refers to a missing shared string");
        text = wb.shared[static_cast<std::size_t>(*idx)];
      } else if (type == "inlineStr" || type == "str") {
        text = value;
      } else if (type == "b") {
        text = value == "1" ? "true" : "false";
      } else if (type == "e") {
        return problems.add(row, column_name(col),
                            "holds the spreadsheet error " + shorten(value) + "; fix the formula");
      } else if (!value.empty()) {
        text = number_text(value);
        if (date_style) {
          auto serial = to_int(text);
          std::string iso = serial ? excel_serial_to_iso(*serial, wb.date1904) : "";
          if (iso.empty())
            return problems.add(row, column_name(col), "is not a whole date: " + shorten(text));
          text = iso;
        }
      }
      if (!is_valid_utf8(text))
        return problems.add(row, column_name(col), "is not valid UTF-8 text");
      kept += text.size() + 32;
      if (kept > opt.max_text)
        return stop(Error::too_large("the sheet holds more than " +
                                     std::to_string(opt.max_text >> 20) + " MB of text"));
      cells.emplace_back(col, std::move(text));
    } else if (name == "row") {
      bool blank = true;
      for (const auto& [c, v] : cells) blank = blank && trim(v).empty();
      if (blank) return;
      if (!have_header) {
        have_header = true;
        std::size_t width = 0;
        for (const auto& [c, v] : cells) width = std::max(width, c + 1);
        t.header.assign(width, "");
        for (auto& [c, v] : cells) t.header[c] = std::string(trim(v));
        return;
      }
      std::vector<std::string> out(t.header.size());
      for (auto& [c, v] : cells) {
        if (c >= out.size()) {
          if (!trim(v).empty())
            problems.add(row, column_name(c), "lies right of the last header column");
          continue;
        }
        out[c] = std::move(v);
      }
      t.rows.push_back(std::move(out));
      t.row_numbers.push_back(row);
    }
  };
  if (auto s = (*zip)->parse(part->second, h); !s) return std::unexpected(s.error());
  if (!have_header)
    return std::unexpected(Error::invalid("the sheet " + sheet->first + " is empty"));
  if (!problems.empty())
    return std::unexpected(problems.error(std::to_string(problems.count()) +
                                          " problem(s) in the workbook; nothing was imported"));
  return t;
}

}  // namespace kc::io

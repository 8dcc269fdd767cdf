#include "io/xlsx_reader.h"

#include <minizip/unzip.h>

#include <map>

#include "domain/text.h"

namespace kc::io {
namespace {

Result<std::string> read_entry(unzFile zip, const char* name) {
  if (unzLocateFile(zip, name, 0) != UNZ_OK)
    return std::unexpected(Error::invalid(std::string("not an XLSX workbook: no ") + name));
  if (unzOpenCurrentFile(zip) != UNZ_OK)
    return std::unexpected(Error::invalid(std::string("cannot read ") + name));
  std::string out;
  char buf[65536];
  int n;
  while ((n = unzReadCurrentFile(zip, buf, sizeof buf)) > 0)
    out.append(buf, static_cast<size_t>(n));
  unzCloseCurrentFile(zip);
  if (n < 0) return std::unexpected(Error::invalid(std::string("corrupt entry ") + name));
  return out;
}

std::string unescape(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '&') {
      out += s[i];
      continue;
    }
    size_t semi = s.find(';', i);
    if (semi == std::string_view::npos) {
      out += s[i];
      continue;
    }
    std::string_view ent = s.substr(i + 1, semi - i - 1);
    if (ent == "amp")
      out += '&';
    else if (ent == "lt")
      out += '<';
    else if (ent == "gt")
      out += '>';
    else if (ent == "quot")
      out += '"';
    else if (ent == "apos")
      out += '\'';
    else if (ent.starts_with("#")) {
      unsigned long cp = ent.starts_with("#x") ? std::stoul(std::string(ent.substr(2)), nullptr, 16)
                                               : std::stoul(std::string(ent.substr(1)));
      if (cp < 0x80)
        out += static_cast<char>(cp);
      else if (cp < 0x800)
        out += static_cast<char>(0xC0 | (cp >> 6)), out += static_cast<char>(0x80 | (cp & 0x3F));
      else if (cp < 0x10000)
        out += static_cast<char>(0xE0 | (cp >> 12)),
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F)),
            out += static_cast<char>(0x80 | (cp & 0x3F));
      else
        out += static_cast<char>(0xF0 | (cp >> 18)),
            out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F)),
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F)),
            out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out.append(s.substr(i, semi - i + 1));
    }
    i = semi;
  }
  return out;
}

// Concatenates the text of every <t>...</t> inside [begin, end) of xml.
std::string text_runs(std::string_view xml) {
  std::string out;
  size_t pos = 0;
  while ((pos = xml.find("<t", pos)) != std::string_view::npos) {
    char next = pos + 2 < xml.size() ? xml[pos + 2] : '\0';
    if (next != '>' && next != ' ') {
      pos += 2;
      continue;
    }
    size_t open_end = xml.find('>', pos);
    if (open_end == std::string_view::npos) break;
    if (xml[open_end - 1] == '/') {
      pos = open_end;
      continue;
    }
    size_t close = xml.find("</t>", open_end);
    if (close == std::string_view::npos) break;
    out += unescape(xml.substr(open_end + 1, close - open_end - 1));
    pos = close + 4;
  }
  return out;
}

std::string attribute(std::string_view tag, std::string_view name) {
  std::string key = " " + std::string(name) + "=\"";
  size_t p = tag.find(key);
  if (p == std::string_view::npos) return {};
  p += key.size();
  size_t q = tag.find('"', p);
  return std::string(tag.substr(p, q - p));
}

// "BC12" -> column index 54 (zero-based).
size_t column_index(std::string_view ref) {
  size_t col = 0;
  for (char c : ref) {
    if (c < 'A' || c > 'Z') break;
    col = col * 26 + static_cast<size_t>(c - 'A' + 1);
  }
  return col == 0 ? 0 : col - 1;
}

}  // namespace

Result<Table> read_xlsx(const std::string& path) {
  unzFile zip = unzOpen64(path.c_str());
  if (!zip) return std::unexpected(Error::invalid(path + ": not an XLSX (zip) file"));
  struct Closer {
    unzFile z;
    ~Closer() { unzClose(z); }
  } closer{zip};

  std::vector<std::string> shared;
  if (unzLocateFile(zip, "xl/sharedStrings.xml", 0) == UNZ_OK) {
    auto xml = read_entry(zip, "xl/sharedStrings.xml");
    if (!xml) return std::unexpected(xml.error());
    size_t pos = 0;
    while ((pos = xml->find("<si", pos)) != std::string::npos) {
      size_t end = xml->find("</si>", pos);
      if (end == std::string::npos) break;
      shared.push_back(text_runs(std::string_view(*xml).substr(pos, end - pos)));
      pos = end + 5;
    }
  }
  auto sheet = read_entry(zip, "xl/worksheets/sheet1.xml");
  if (!sheet) return std::unexpected(sheet.error());

  std::map<size_t, std::map<size_t, std::string>> cells;  // row -> col -> text
  std::string_view xml = *sheet;
  size_t pos = 0;
  size_t implicit_row = 0;
  while ((pos = xml.find("<row", pos)) != std::string_view::npos) {
    size_t row_tag_end = xml.find('>', pos);
    std::string r = attribute(xml.substr(pos, row_tag_end - pos), "r");
    size_t row = r.empty() ? implicit_row + 1 : std::stoul(r);
    implicit_row = row;
    size_t row_end = xml.find("</row>", pos);
    if (xml[row_tag_end - 1] == '/' || row_end == std::string_view::npos) {
      pos = row_tag_end;
      continue;
    }
    std::string_view body = xml.substr(row_tag_end + 1, row_end - row_tag_end - 1);
    size_t cpos = 0, next_col = 0;
    while ((cpos = body.find("<c", cpos)) != std::string_view::npos) {
      size_t tag_end = body.find('>', cpos);
      std::string_view tag = body.substr(cpos, tag_end - cpos);
      std::string ref = attribute(tag, "r"), type = attribute(tag, "t");
      size_t col = ref.empty() ? next_col : column_index(ref);
      next_col = col + 1;
      if (body[tag_end - 1] == '/') {
        cpos = tag_end;
        continue;
      }
      size_t cend = body.find("</c>", tag_end);
      std::string_view inner = body.substr(tag_end + 1, cend - tag_end - 1);
      std::string value;
      if (type == "inlineStr") {
        value = text_runs(inner);
      } else {
        size_t v = inner.find("<v>");
        size_t ve = inner.find("</v>");
        if (v != std::string_view::npos && ve != std::string_view::npos)
          value = unescape(inner.substr(v + 3, ve - v - 3));
        if (type == "s") {
          size_t idx = value.empty() ? shared.size() : std::stoul(value);
          if (idx >= shared.size())
            return std::unexpected(
                Error::invalid("row " + std::to_string(row) + ": bad shared string"));
          value = shared[idx];
        }
      }
      cells[row][col] = std::move(value);
      cpos = cend;
    }
    pos = row_end;
  }
  if (cells.empty()) return std::unexpected(Error::invalid("the workbook's first sheet is empty"));

  Table t;
  auto first = cells.begin();
  size_t width = first->second.empty() ? 0 : first->second.rbegin()->first + 1;
  t.header.resize(width);
  for (auto& [c, v] : first->second) t.header[c] = std::string(trim(v));
  size_t expected_row = first->first + 1;
  for (auto it = std::next(first); it != cells.end(); ++it) {
    // Keep spreadsheet row numbers: pad skipped rows as blank rows (ignored by importers).
    while (expected_row < it->first) t.rows.emplace_back(width), ++expected_row;
    std::vector<std::string> row(width);
    for (auto& [c, v] : it->second) {
      if (c >= width) {
        return std::unexpected(Error::invalid("row " + std::to_string(it->first) +
                                              ": a cell lies right of the last header column"));
      }
      if (!is_valid_utf8(v))
        return std::unexpected(
            Error::invalid("row " + std::to_string(it->first) + ": not valid UTF-8"));
      row[c] = std::move(v);
    }
    t.rows.push_back(std::move(row));
    ++expected_row;
  }
  return t;
}

}  // namespace kc::io

#include "io/text_encoding.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <set>

#include "domain/text.h"
#include "io/csv.h"
#include "store/embedded.h"

namespace kc::io {
namespace {

// Windows-1252 at 0x80..0x9F (0 where it defines nothing; read as the C1 control).
constexpr std::array<char32_t, 32> kCp1252High{
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

char32_t cp1252(unsigned char b) {
  if (b >= 0x80 && b < 0xA0 && kCp1252High[b - 0x80]) return kCp1252High[b - 0x80];
  return b;
}

// The Windows-1252 byte of a code point, or -1.
int byte_of(char32_t cp) {
  if (cp < 0x80 || (cp >= 0xA0 && cp <= 0xFF)) return static_cast<int>(cp);
  for (std::size_t i = 0; i < kCp1252High.size(); ++i)
    if (kCp1252High[i] == cp && cp != 0) return static_cast<int>(0x80 + i);
  if (cp >= 0x80 && cp < 0xA0) return static_cast<int>(cp);
  return -1;
}

// Code points that only Unicode Vietnamese uses.
bool unicode_only(char32_t cp) {
  switch (cp) {
    case 0x102:
    case 0x103:
    case 0x110:
    case 0x111:
    case 0x128:
    case 0x129:
    case 0x168:
    case 0x169:
    case 0x1A0:
    case 0x1A1:
    case 0x1AF:
    case 0x1B0:
      return true;
    default:
      return cp >= 0x1EA0 && cp <= 0x1EF9;
  }
}

struct Shape {
  std::string vowel;  // "a", "a^" (â), "a(" (ă), "o+" (ơ), ...
  int tones = 0;      // 0 or 1
};

struct Tables {
  std::map<std::string, Shape> shapes;              // a Vietnamese vowel (UTF-8) -> shape
  std::map<int, std::string> tcvn3;                 // byte -> UTF-8
  std::map<std::pair<int, int>, std::string> vni2;  // base, mark -> UTF-8
  std::map<int, std::string> vni1;                  // single byte -> UTF-8
};

int hex(std::string_view h) {
  return std::stoi(std::string(h), nullptr, 16);
}

const Tables& tables() {
  static const Tables t = [] {
    Tables x;
    auto load = [](const char* name) {
      auto text = embedded::find(name);
      auto csv = parse_csv(text.value_or(""));
      return csv ? csv->rows : std::vector<std::vector<std::string>>{};
    };
    for (const auto& r : load("tcvn3.csv")) x.tcvn3[hex(r[0])] = r[1];
    // The letters' shapes from their Unicode names ("LATIN SMALL LETTER E WITH CIRCUMFLEX AND
    // DOT BELOW": e, circumflex, one tone).
    for (const auto& r : load("vni.csv")) {
      const std::string& name = r[2];
      auto at = name.find("LETTER ");
      if (at == std::string::npos) continue;
      char base = static_cast<char>(std::tolower(static_cast<unsigned char>(name[at + 7])));
      if (std::string_view("aeiouy").find(base) == std::string_view::npos) continue;
      Shape sh{std::string(1, base), 0};
      if (name.find("CIRCUMFLEX") != std::string::npos) sh.vowel += '^';
      if (name.find("BREVE") != std::string::npos) sh.vowel += '(';
      if (name.find("HORN") != std::string::npos) sh.vowel += '+';
      for (const char* tone : {"GRAVE", "ACUTE", "HOOK ABOVE", "TILDE", "DOT BELOW"})
        if (name.find(tone) != std::string::npos) sh.tones = 1;
      x.shapes[r[1]] = sh;
    }
    for (const auto& r : load("vni.csv")) {
      if (r[0].size() == 2) {
        x.vni1[hex(r[0])] = r[1];
      } else {
        int mark = hex(std::string_view(r[0]).substr(3, 2));
        x.vni2[{hex(std::string_view(r[0]).substr(0, 2)), mark}] = r[1];
      }
    }
    return x;
  }();
  return t;
}

// Bytes TCVN3 never uses for letters: their presence rules TCVN3 out.
bool tcvn3_never(int b) {
  return (b >= 0xC0 && b <= 0xC5) || b == 0xCD || (b >= 0xD9 && b <= 0xDB) || b == 0xE0 ||
         b == 0xF0 || b == 0xFF;
}

std::string decode_tcvn3(const std::vector<int>& bytes) {
  std::string out;
  for (int b : bytes) {
    auto it = tables().tcvn3.find(b);
    if (it != tables().tcvn3.end())
      out += it->second;
    else
      append_utf8(out, cp1252(static_cast<unsigned char>(b)));
  }
  return out;
}

std::string decode_vni(const std::vector<int>& bytes) {
  const auto& t = tables();
  std::string out;
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    if (i + 1 < bytes.size()) {
      auto two = t.vni2.find({bytes[i], bytes[i + 1]});
      if (two != t.vni2.end()) {
        out += two->second;
        ++i;
        continue;
      }
    }
    auto one = t.vni1.find(bytes[i]);
    if (one != t.vni1.end())
      out += one->second;
    else
      append_utf8(out, cp1252(static_cast<unsigned char>(bytes[i])));
  }
  return out;
}

// The vowel nuclei of Vietnamese syllables, in the shapes above.
bool valid_nucleus(const std::string& v) {
  static const std::set<std::string> kNuclei{
      "a",   "a(",  "a^",  "e",    "e^",   "i",     "o",     "o^",  "o+",   "u",    "u+",
      "y",   "ai",  "ao",  "au",   "ay",   "a^u",   "a^y",   "eo",  "e^u",  "ia",   "ie^",
      "iu",  "oa",  "oa(", "oe",   "oi",   "o^i",   "o+i",   "oo",  "ua",   "ua^",  "ue^",
      "ui",  "uo^", "uo+", "u+a",  "u+i",  "u+o+",  "u+u",   "uy",  "ye^",  "ie^u", "ye^u",
      "oai", "oay", "oeo", "ua^y", "uo^i", "u+o+i", "u+o+u", "uya", "uye^", "uyu"};
  return kNuclei.count(v) > 0;
}

// The text's words that carry a non-ASCII letter, scored +1 when they are well-formed
// syllables (one vowel nucleus from the list, at most one tone mark, a final consonant that
// Vietnamese has) and -1 when they are not.
int well_formed_words(std::string_view text) {
  const auto& shapes = tables().shapes;
  int good = 0;
  std::string nucleus, word;
  int tones = 0;
  bool marked = false, broken = false;
  auto end_word = [&] {
    std::string v = nucleus;
    // "qu", "gi": the u (the i) belongs to the initial when another vowel follows.
    if (word.starts_with("qu") && v.starts_with("u") && v.size() > 1) v.erase(0, 1);
    if (word.starts_with("gi") && v.starts_with("i") && v.size() > 1 && v[1] != '^') v.erase(0, 1);
    if (marked) good += !broken && tones <= 1 && valid_nucleus(v) ? 1 : -1;
    nucleus.clear(), word.clear(), tones = 0, marked = false, broken = false;
  };
  for (std::size_t i = 0; i < text.size();) {
    char32_t cp = 0;
    std::size_t n = decode_utf8(text, i, cp);
    if (n == 0) return 0;
    std::string ch(text.substr(i, n));
    i += n;
    if (auto it = shapes.find(ch); it != shapes.end()) {
      nucleus += it->second.vowel, tones += it->second.tones, marked = true;
      word += it->second.vowel.substr(0, 1);
    } else if (cp < 0x80 && std::isalpha(static_cast<int>(cp))) {
      char c = static_cast<char>(std::tolower(static_cast<int>(cp)));
      bool vowel = std::string_view("aeiouy").find(c) != std::string_view::npos;
      if (vowel) {
        nucleus += c;
      } else if (!nucleus.empty() &&
                 std::string_view("cghkmnpt").find(c) == std::string_view::npos) {
        broken = true;  // a consonant after the vowels that no final takes
      }
      word += c;
    } else if (cp == 0x111 || cp == 0x110) {
      word += 'd', marked = true;
    } else if (cp >= 0x80) {
      broken = true, marked = true, word += '?';  // a symbol inside a word
    } else {
      end_word();
    }
  }
  end_word();
  return good;
}

}  // namespace

void make_utf8(std::string& text, std::string& how) {
  how.clear();
  std::string_view bytes = text;
  bool bom = bytes.starts_with("\xEF\xBB\xBF");
  if (bom) bytes.remove_prefix(3);
  bool le = bytes.starts_with("\xFF\xFE"), be = bytes.starts_with("\xFE\xFF");
  if (le || be) {
    how = "UTF-16";
    std::string out;
    for (std::size_t i = 2; i + 1 < bytes.size(); i += 2) {
      auto lo = static_cast<unsigned char>(bytes[le ? i : i + 1]);
      auto hi = static_cast<unsigned char>(bytes[le ? i + 1 : i]);
      char32_t u = static_cast<char32_t>(hi << 8 | lo);
      if (u >= 0xD800 && u < 0xDC00 && i + 3 < bytes.size()) {
        auto lo2 = static_cast<unsigned char>(bytes[le ? i + 2 : i + 3]);
        auto hi2 = static_cast<unsigned char>(bytes[le ? i + 3 : i + 2]);
        char32_t v = static_cast<char32_t>(hi2 << 8 | lo2);
        if (v >= 0xDC00 && v < 0xE000) {
          u = 0x10000 + ((u - 0xD800) << 10) + (v - 0xDC00);
          i += 2;
        }
      }
      append_utf8(out, (u >= 0xD800 && u < 0xE000) ? 0xFFFD : u);
    }
    text = std::move(out);
    return;
  }
  if (is_valid_utf8(bytes)) {  // the usual case: the text stays where it is
    if (bom) text.erase(0, 3);
    return;
  }
  how = "Windows-1252";
  std::string out;
  for (unsigned char b : bytes) append_utf8(out, cp1252(b));
  text = std::move(out);
}

std::string file_text_as_utf8(std::string_view bytes, std::string& how) {
  std::string text(bytes);
  make_utf8(text, how);
  return text;
}

std::optional<LegacyText> from_legacy(std::string_view cell) {
  // Plain ASCII reads the same in every encoding (most cells: codes, numbers, dates).
  if (std::ranges::all_of(cell, [](char ch) { return static_cast<unsigned char>(ch) < 0x80; }))
    return std::nullopt;
  std::vector<int> bytes;
  bool tcvn3_ok = true, non_ascii = false;
  for (std::size_t i = 0; i < cell.size();) {
    char32_t cp = 0;
    std::size_t n = decode_utf8(cell, i, cp);
    if (n == 0 || unicode_only(cp)) return std::nullopt;
    int b = byte_of(cp);
    if (b < 0) return std::nullopt;
    non_ascii |= b >= 0x80;
    tcvn3_ok &= !tcvn3_never(b) && (b < 0xA1 || tables().tcvn3.count(b) > 0);
    bytes.push_back(b);
    i += n;
  }
  if (!non_ascii) return std::nullopt;
  // Each reading is scored by its well-formed Vietnamese words; a conversion must beat the
  // text as it is.
  int as_is = well_formed_words(cell);
  std::optional<LegacyText> best;
  int best_score = -1;
  auto consider = [&](std::string text, const char* encoding) {
    int score = well_formed_words(text);
    if (score <= as_is || score <= best_score) return;
    best = LegacyText{std::move(text), encoding};
    best_score = score;
  };
  if (tcvn3_ok) consider(decode_tcvn3(bytes), "TCVN3");
  consider(decode_vni(bytes), "VNI");
  return best;
}

void convert_legacy_cells(Table& table) {
  // `where` names the cell only for a note (most cells are left as they are).
  auto convert = [&](std::string& cell, auto&& where) {
    if (auto c = from_legacy(cell)) {
      table.notes.push_back(where() + ": converted from " + c->encoding + " to Unicode");
      cell = std::move(c->text);
    }
  };
  for (std::size_t c = 0; c < table.header.size(); ++c)
    convert(table.header[c], [&] { return "row 1, column " + std::to_string(c + 1); });
  for (std::size_t r = 0; r < table.rows.size(); ++r)
    for (std::size_t c = 0; c < table.rows[r].size(); ++c)
      convert(table.rows[r][c], [&] {
        return "row " + std::to_string(table.row_number(r)) + ", column " +
               (c < table.header.size() ? table.header[c] : std::to_string(c + 1));
      });
}

}  // namespace kc::io

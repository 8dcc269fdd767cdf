#include "documents/docx.h"

#include <minizip/zip.h>

#include <cmath>
#include <string_view>

#include "documents/page.h"
#include "domain/text.h"

namespace kc::documents {
namespace {

std::string escape(std::string_view s) {
  return markup_escape(s);
}

long twips(double mm) {
  return std::lround(mm / 25.4 * 1440);
}
long half_points(double pt) {
  return std::lround(pt * 2);
}

const char* jc(Align a) {
  switch (a) {
    case Align::left:
      return "left";
    case Align::center:
      return "center";
    case Align::right:
      return "right";
    case Align::justify:
      return "both";
  }
  return "both";
}

std::string run(const Run& r, double size_pt) {
  std::string props = std::string(r.bold ? "<w:b/>" : "") + (r.italic ? "<w:i/>" : "") +
                      "<w:sz w:val=\"" + std::to_string(half_points(size_pt)) +
                      "\"/><w:szCs w:val=\"" + std::to_string(half_points(size_pt)) + "\"/>";
  return "<w:r><w:rPr>" + props + "</w:rPr><w:t xml:space=\"preserve\">" + escape(r.text) +
         "</w:t></w:r>";
}

// A paragraph; its rule, when it has one, is an empty paragraph with a bottom border whose
// indents leave `rule_below` of the column's width.
std::string paragraph(const Paragraph& p, double width_mm) {
  std::string props = "<w:jc w:val=\"" + std::string(jc(p.align)) +
                      "\"/><w:spacing w:before=\"0\" w:after=\"" +
                      std::to_string(std::lround(p.space_after_pt * 20)) + "\"/>";
  if (p.first_line_indent)
    props += "<w:ind w:firstLine=\"" + std::to_string(twips(kIndentMm)) + "\"/>";
  std::string out = "<w:p><w:pPr>" + props + "</w:pPr>";
  for (const auto& r : p.runs) out += run(r, p.size_pt);
  out += "</w:p>";
  if (p.rule_below > 0) {
    long side = twips(width_mm * (1 - p.rule_below) / 2);
    out +=
        "<w:p><w:pPr><w:pBdr><w:bottom w:val=\"single\" w:sz=\"6\" w:space=\"1\" "
        "w:color=\"000000\"/></w:pBdr><w:spacing w:before=\"0\" w:after=\"120\" w:line=\"40\" "
        "w:lineRule=\"exact\"/><w:ind w:left=\"" +
        std::to_string(side) + "\" w:right=\"" + std::to_string(side) +
        "\"/><w:rPr><w:sz w:val=\"4\"/></w:rPr></w:pPr></w:p>";
  }
  return out;
}

std::string cell(const std::string& content, double width_mm, bool borders) {
  std::string b = borders ? ""
                          : "<w:tcBorders><w:top w:val=\"nil\"/><w:left w:val=\"nil\"/><w:bottom "
                            "w:val=\"nil\"/><w:right w:val=\"nil\"/></w:tcBorders>";
  return "<w:tc><w:tcPr><w:tcW w:w=\"" + std::to_string(twips(width_mm)) + "\" w:type=\"dxa\"/>" +
         b + "</w:tcPr>" + (content.empty() ? "<w:p/>" : content) + "</w:tc>";
}

std::string columns(const Columns& c, double width_mm) {
  double left = width_mm * c.left_share, right = width_mm - left;
  std::string l, r;
  for (const auto& p : c.left) l += paragraph(p, left);
  for (const auto& p : c.right) r += paragraph(p, right);
  return "<w:tbl><w:tblPr><w:tblW w:w=\"" + std::to_string(twips(width_mm)) +
         "\" w:type=\"dxa\"/><w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid><w:gridCol "
         "w:w=\"" +
         std::to_string(twips(left)) + "\"/><w:gridCol w:w=\"" + std::to_string(twips(right)) +
         "\"/></w:tblGrid><w:tr>" + cell(l, left, false) + cell(r, right, false) +
         "</w:tr></w:tbl>";
}

std::string table(const Table& t, double width_mm) {
  auto widths = column_widths(t, width_mm);
  std::string out = "<w:tbl><w:tblPr><w:tblW w:w=\"" + std::to_string(twips(width_mm)) +
                    "\" w:type=\"dxa\"/><w:tblBorders>";
  for (const char* side : {"top", "left", "bottom", "right", "insideH", "insideV"})
    out += std::string("<w:") + side + " w:val=\"single\" w:sz=\"4\" w:color=\"000000\"/>";
  out += "</w:tblBorders><w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid>";
  for (double w : widths) out += "<w:gridCol w:w=\"" + std::to_string(twips(w)) + "\"/>";
  out += "</w:tblGrid>";
  auto row = [&](const std::vector<std::string>& cells, bool header, bool bold) {
    std::string r = header ? "<w:tr><w:trPr><w:tblHeader/></w:trPr>" : "<w:tr>";
    for (std::size_t c = 0; c < widths.size(); ++c) {
      Paragraph p = text(c < cells.size() ? cells[c] : "",
                         header                                             ? Align::center
                         : c < t.right_aligned.size() && t.right_aligned[c] ? Align::right
                                                                            : Align::left,
                         header || bold, false, t.size_pt);
      p.space_after_pt = 0;
      r += cell(paragraph(p, widths[c]), widths[c], true);
    }
    return r + "</w:tr>";
  };
  out += row(t.header, true, true);
  for (std::size_t i = 0; i < t.rows.size(); ++i)
    out += row(t.rows[i], false, i < t.bold_rows.size() && t.bold_rows[i]);
  return out + "</w:tbl><w:p/>";
}

std::string section_properties(const Section& s) {
  const Page pg = page_of(s);
  return "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rIdHeader\"/><w:pgSz w:w=\"" +
         std::to_string(twips(pg.width_mm)) + "\" w:h=\"" + std::to_string(twips(pg.height_mm)) +
         "\"" + (s.landscape ? " w:orient=\"landscape\"" : "") + "/><w:pgMar w:top=\"" +
         std::to_string(twips(pg.top_mm)) + "\" w:right=\"" + std::to_string(twips(pg.right_mm)) +
         "\" w:bottom=\"" + std::to_string(twips(pg.bottom_mm)) + "\" w:left=\"" +
         std::to_string(twips(pg.left_mm)) + "\" w:header=\"" + std::to_string(twips(8)) +
         "\" w:footer=\"" + std::to_string(twips(8)) +
         "\" w:gutter=\"0\"/><w:pgNumType w:start=\"1\"/><w:titlePg/></w:sectPr>";
}

constexpr std::string_view kContentTypes =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>)";
constexpr std::string_view kRels =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>)";
constexpr std::string_view kDocumentRels =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rIdHeader" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/></Relationships>)";
constexpr std::string_view kStyles =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/><w:sz w:val="28"/><w:szCs w:val="28"/><w:lang w:val="vi-VN"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="276" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style></w:styles>)";
constexpr std::string_view kHeader =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:fldSimple w:instr=" PAGE "><w:r><w:rPr><w:sz w:val="26"/></w:rPr><w:t>2</w:t></w:r></w:fldSimple></w:p></w:hdr>)";

Status add(zipFile z, const char* name, std::string_view body) {
  zip_fileinfo info{};
  if (zipOpenNewFileInZip(z, name, &info, nullptr, 0, nullptr, 0, nullptr, Z_DEFLATED, 6) !=
          ZIP_OK ||
      zipWriteInFileInZip(z, body.data(), static_cast<unsigned>(body.size())) != ZIP_OK ||
      zipCloseFileInZip(z) != ZIP_OK)
    return std::unexpected(Error::internal(std::string("docx: cannot write ") + name));
  return {};
}

}  // namespace

std::string document_xml(const Document& d) {
  std::string body;
  for (std::size_t s = 0; s < d.sections.size(); ++s) {
    const Section& sec = d.sections[s];
    const double width = content_width_mm(sec);
    for (const auto& b : sec.blocks) {
      switch (b.kind) {
        case Block::Kind::paragraph:
          body += paragraph(b.paragraph, width);
          break;
        case Block::Kind::columns:
          body += columns(b.columns, width);
          break;
        case Block::Kind::table:
          body += table(b.table, width);
          break;
      }
    }
    // A section ends with a paragraph carrying its properties; the last one ends the body.
    if (s + 1 < d.sections.size())
      body += "<w:p><w:pPr>" + section_properties(sec) + "</w:pPr></w:p>";
    else
      body += section_properties(sec);
  }
  return R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>)" +
         body + "</w:body></w:document>";
}

Status write_docx(const Document& d, const std::string& path) {
  zipFile z = zipOpen64(path.c_str(), 0);
  if (!z) return std::unexpected(Error::internal("docx: cannot create " + path));
  std::string core =
      R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>)" +
      escape(d.title) + "</dc:title><dc:language>vi-VN</dc:language></cp:coreProperties>";
  Status st;
  for (auto [name, body] :
       {std::pair<const char*, std::string_view>{"[Content_Types].xml", kContentTypes},
        {"_rels/.rels", kRels},
        {"word/_rels/document.xml.rels", kDocumentRels},
        {"word/styles.xml", kStyles},
        {"word/header1.xml", kHeader},
        {"docProps/core.xml", core}})
    if (st = add(z, name, body); !st) break;
  if (st) st = add(z, "word/document.xml", document_xml(d));
  if (zipClose(z, nullptr) != ZIP_OK && st)
    st = std::unexpected(Error::internal("docx: cannot finish " + path));
  return st;
}

}  // namespace kc::documents

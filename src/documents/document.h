#pragma once
// An official document as values, in the administrative layout of NĐ 30/2020/NĐ-CP: blocks of
// paragraphs, two-column blocks (the heading, the signature) and tables, in sections that are
// portrait or landscape (an appendix). The DOCX and PDF writers render the same value, so what
// an office edits and what it prints say the same thing.
#include <string>
#include <vector>

namespace kc::documents {

enum class Align { left, center, right, justify };

struct Run {
  std::string text;
  bool bold = false, italic = false;
};

struct Paragraph {
  std::vector<Run> runs;
  Align align = Align::justify;
  double size_pt = 14;
  bool first_line_indent = false;  // 1.27 cm, as the body of a document
  double space_after_pt = 6;
  // A short rule under the text (under the issuing body, the motto and the title): its length
  // as a share of the column's width; 0 = none.
  double rule_below = 0;
};

// Two columns side by side: the heading (issuing body | national motto) and the signature
// block (recipients | signer). `left_share` is the left column's share of the width.
struct Columns {
  std::vector<Paragraph> left, right;
  double left_share = 0.42;
};

// A table with a header row; `widths` are relative; rows in `bold_rows` are group or total
// rows; columns in `right_aligned` hold numbers.
struct Table {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  std::vector<double> widths;
  std::vector<bool> bold_rows;
  std::vector<bool> right_aligned;
  double size_pt = 11;
};

struct Block {
  enum class Kind { paragraph, columns, table } kind = Kind::paragraph;
  Paragraph paragraph;
  Columns columns;
  Table table;
};

struct Section {
  bool landscape = false;
  std::vector<Block> blocks;
};

struct Document {
  std::string title;  // the file's metadata title
  std::vector<Section> sections;
};

// Builders for the common shapes.
Paragraph text(std::string s, Align align = Align::justify, bool bold = false, bool italic = false,
               double size_pt = 14);
// The paragraph without space after it (lines of a heading or a signature block).
Paragraph tight(Paragraph p);
// The paragraph with a short rule under it, `share` of the column's width.
Paragraph ruled(Paragraph p, double share);
Block block(Paragraph p);
Block block(Columns c);
Block block(Table t);

}  // namespace kc::documents

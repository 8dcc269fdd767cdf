#include "documents/document.h"

namespace kc::documents {

Paragraph text(std::string s, Align align, bool bold, bool italic, double size_pt) {
  Paragraph p;
  p.runs.push_back({std::move(s), bold, italic});
  p.align = align;
  p.size_pt = size_pt;
  return p;
}

Paragraph tight(Paragraph p) {
  p.space_after_pt = 0;
  return p;
}

Paragraph ruled(Paragraph p, double share) {
  p.rule_below = share;
  return p;
}

Block block(Paragraph p) {
  Block b;
  b.kind = Block::Kind::paragraph;
  b.paragraph = std::move(p);
  return b;
}

Block block(Columns c) {
  Block b;
  b.kind = Block::Kind::columns;
  b.columns = std::move(c);
  return b;
}

Block block(Table t) {
  Block b;
  b.kind = Block::Kind::table;
  b.table = std::move(t);
  return b;
}

}  // namespace kc::documents

#include "documents/markdown.h"

#include <cmark.h>

#include <cstdlib>
#include <memory>

namespace kc::documents {

std::string markdown_to_html(std::string_view markdown) {
  // CMARK_OPT_UNSAFE is deliberately absent: raw HTML and dangerous addresses are dropped.
  std::unique_ptr<char, decltype(&std::free)> html(
      cmark_markdown_to_html(markdown.data(), markdown.size(), CMARK_OPT_DEFAULT | CMARK_OPT_SMART),
      &std::free);
  return html ? std::string(html.get()) : std::string();
}

}  // namespace kc::documents

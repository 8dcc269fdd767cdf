#pragma once
// Markdown (CommonMark) to HTML for the bulletin's articles, rendered by libcmark in its safe
// mode: raw HTML in the text (a <script>, an <iframe>, an onclick) comes out as an HTML
// comment, and links or images whose address is javascript:, vbscript:, file: or data: (other
// than a picture) come out with an empty address. Editors write Markdown; the public reads
// only what this returns.
#include <string>
#include <string_view>

namespace kc::documents {

std::string markdown_to_html(std::string_view markdown);

}  // namespace kc::documents

#pragma once
// A picture for the bulletin made from text: a coloured banner with a title and a line under
// it, as PNG bytes (cairo and pango). The demo's articles carry these as their photos.
#include <cstdint>
#include <string>

namespace kc::documents {

// `rgb`: 0xRRGGBB of the background; the text is white.
std::string banner_png(const std::string& title, const std::string& line, std::uint32_t rgb,
                       int width = 960, int height = 420);

}  // namespace kc::documents

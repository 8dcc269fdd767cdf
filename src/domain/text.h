#pragma once
// Text rules for Vietnamese: UTF-8 validation and the folding used by search, which ignores
// case and diacritics ("Khuyến công" and "khuyen cong" fold to the same key; "Đồng Nai"
// folds to "dong nai").
#include <string>
#include <string_view>

namespace kc {

// True when `s` is well-formed UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
bool is_valid_utf8(std::string_view s);

// Lower-cases ASCII, maps every Latin letter with diacritics (precomposed, NFC) to its base
// letter, turns đ/Đ into d, drops combining marks (so NFD input folds the same), and
// collapses runs of white space into one space. Input must be valid UTF-8; other code points
// pass through unchanged.
std::string fold_for_search(std::string_view s);

// Decodes the code point at s[i] into cp; returns its length in bytes, or 0 when the bytes
// there are not well-formed UTF-8.
size_t decode_utf8(std::string_view s, size_t i, char32_t& cp);

// Appends the UTF-8 bytes of a code point.
void append_utf8(std::string& out, char32_t cp);

// Upper-cases Vietnamese text for a document's headings ("thành phố Hải Phòng" ->
// "THÀNH PHỐ HẢI PHÒNG"): ASCII and the precomposed Latin letters Vietnamese uses (NFC); other
// code points pass through unchanged. Input must be valid UTF-8.
std::string upper_vi(std::string_view s);

// Text for XML and HTML, in content and in attribute values: & < > " ' as entities.
std::string markup_escape(std::string_view s);

// Percent-encoding (RFC 3986) of UTF-8 bytes for a URL or an RFC 5987 file name: letters,
// digits and - . _ ~ stay, and `/` too when `keep_slash`; every other byte becomes %XX.
std::string percent_encode(std::string_view s, bool keep_slash = false);

// Trims ASCII white space at both ends.
std::string_view trim(std::string_view s);

}  // namespace kc

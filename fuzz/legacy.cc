// libFuzzer target: the encodings of files and cells (io/text_encoding.h) on any bytes: the
// file's text is always UTF-8, a converted cell is valid UTF-8 and names its encoding, and a
// table of such cells converts without a fault.
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "domain/text.h"
#include "io/csv.h"
#include "io/text_encoding.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::string how;
  std::string text = kc::io::file_text_as_utf8(bytes, how);
  if (!kc::is_valid_utf8(text)) std::abort();
  if (auto cell = kc::io::from_legacy(text)) {
    if (!kc::is_valid_utf8(cell->text)) std::abort();
    if (cell->encoding != "TCVN3" && cell->encoding != "VNI") std::abort();
  }
  if (auto t = kc::io::parse_csv(text)) {
    kc::io::convert_legacy_cells(*t);
    for (const auto& row : t->rows)
      for (const auto& c : row)
        if (!kc::is_valid_utf8(c)) std::abort();
  }
  return 0;
}

// libFuzzer target: the CSV reader (io/csv.h) on any bytes.
#include <cstddef>
#include <cstdint>

#include "io/csv.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto t = kc::io::parse_csv(text);
  if (t) {
    std::string out;
    for (const auto& row : t->rows) kc::io::append_csv_record(out, row);
  }
  return 0;
}

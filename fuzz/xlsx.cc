// libFuzzer target: the XLSX reader (io/xlsx_reader.h) on any bytes written to a file, with
// small limits so that every input finishes quickly.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>

#include "io/xlsx_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::string path = "/tmp/kc-fuzz-xlsx-" + std::to_string(::getpid()) + ".xlsx";
  if (FILE* f = std::fopen(path.c_str(), "wb")) {
    std::fwrite(data, 1, size, f);
    std::fclose(f);
  }
  kc::io::XlsxOptions o;
  o.limits.max_inflated = 4 << 20;
  o.limits.max_entries = 100;
  o.max_rows = 10'000;
  o.max_text = 4 << 20;
  (void)kc::io::read_xlsx(path, o);
  return 0;
}

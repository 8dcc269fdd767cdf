// libFuzzer target: the legacy Excel 97–2003 reader (io/xls_reader.h, over libfreexl) on any
// bytes written to a file: a malformed workbook is an error, never a crash or a leak.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>

#include "io/xls_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::string path = "/tmp/kc-fuzz-xls-" + std::to_string(::getpid()) + ".xls";
  if (FILE* f = std::fopen(path.c_str(), "wb")) {
    std::fwrite(data, 1, size, f);
    std::fclose(f);
  }
  (void)kc::io::read_xls(path);
  (void)kc::io::read_xls(path, "Sheet2");
  return 0;
}

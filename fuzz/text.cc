// libFuzzer target: the money, date and text parsers of domain/ on any bytes, with the
// properties they promise checked.
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "domain/date.h"
#include "domain/money.h"
#include "domain/normalize.h"
#include "domain/text.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view s(reinterpret_cast<const char*>(data), size);
  if (auto v = kc::parse_vnd(s); v && *v < 0) std::abort();  // never negative
  if (auto d = kc::parse_date(s); d && !kc::is_valid(*d)) std::abort();
  if (auto c = kc::clean_text(s)) {
    if (!kc::is_valid_utf8(*c)) std::abort();
    auto again = kc::clean_text(*c);  // idempotent
    if (!again || *again != *c) std::abort();
  }
  (void)kc::fold_for_search(s);
  return 0;
}

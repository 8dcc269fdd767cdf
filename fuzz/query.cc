// libFuzzer target: a request target through the URL parser and the list-query reader.
#include <cstddef>
#include <cstdint>

#include "app/codec.h"
#include "http/target.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto t = kc::http::parse_target(std::string_view(reinterpret_cast<const char*>(data), size));
  if (t) (void)kc::app::list_query_from(t->query);
  return 0;
}

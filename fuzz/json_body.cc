// libFuzzer target: a request body through the JSON decoder and every entity codec.
#include <cstddef>
#include <cstdint>

#include "app/codec.h"
#include "app/json_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto body = kc::app::parse_body(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!body) return 0;
  for (bool update : {false, true}) {
    (void)kc::app::project_from_json(*body, update);
    (void)kc::app::program_from_json(*body, update);
    (void)kc::app::organization_from_json(*body, update);
    (void)kc::app::facility_from_json(*body, update);
  }
  return 0;
}

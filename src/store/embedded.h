#pragma once
// Files compiled into the binary at build time (reference data CSVs, SQL migrations, the
// OpenAPI document). See cmake/embed.cmake.
#include <optional>
#include <string_view>

namespace kc::embedded {
// The bytes of the embedded file with this base name, or nullopt. The view lives forever.
std::optional<std::string_view> find(std::string_view name);
}  // namespace kc::embedded

#pragma once
// Streaming XML out of a zip archive (the parts of an XLSX workbook): an entry is inflated in
// 64 KiB chunks straight into libexpat, so that memory does not grow with the entry's size,
// and both the inflated size and the time are bounded. Element and attribute names reach the
// handlers without their namespace ("row", "c", "r"), whatever prefix the producer used.
#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/error.h"

namespace kc::io {

struct ZipLimits {
  std::size_t max_entries = 10'000;                   // files inside the archive
  std::size_t max_inflated = std::size_t{256} << 20;  // bytes, per entry
  std::chrono::seconds max_time{60};                  // per archive
};

class ZipArchive {
 public:
  // unsupported when the file is not a zip archive; too_large past max_entries.
  static Result<std::unique_ptr<ZipArchive>> open(const std::string& path, ZipLimits limits = {});
  ~ZipArchive();
  bool has(const std::string& name) const;

  using Attributes = std::vector<std::pair<std::string_view, std::string_view>>;
  struct Handlers {
    std::function<void(std::string_view name, const Attributes& attrs)> start;
    std::function<void(std::string_view name)> end;
    std::function<void(std::string_view text)> text;
    // Set by a handler to stop the parse with this error.
    std::optional<Error> stop;
  };
  // Parses one entry. invalid_input when the XML is malformed; too_large past the limits.
  Status parse(const std::string& name, Handlers& h);

 private:
  ZipArchive() = default;
  void* zip_ = nullptr;
  ZipLimits limits_;
  std::chrono::steady_clock::time_point started_;
};

// The value of attribute `name` ("" when absent).
std::string_view attribute(const ZipArchive::Attributes& attrs, std::string_view name);

}  // namespace kc::io

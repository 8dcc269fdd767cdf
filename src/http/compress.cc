#include "http/compress.h"

#include <zlib.h>

#include <algorithm>

#include "domain/text.h"

namespace kc::http {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

}  // namespace

bool accepts_coding(std::string_view header, std::string_view wanted) {
  std::size_t start = 0;
  while (start < header.size()) {
    std::size_t end = header.find(',', start);
    if (end == std::string_view::npos) end = header.size();
    std::string item = lower(trim(header.substr(start, end - start)));
    start = end + 1;
    std::string coding(trim(std::string_view(item).substr(0, item.find(';'))));
    if (coding != wanted && coding != "*") continue;
    auto q = item.find("q=");
    if (q != std::string::npos && item.find_first_not_of("0.", q + 2) == std::string::npos)
      continue;  // q=0: refused
    return true;
  }
  return false;
}

std::string gzip(std::string_view bytes) {
  z_stream z{};
  // 15 window bits + 16: a gzip header and trailer; level 1: fast (answers are small).
  if (deflateInit2(&z, 1, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) return "";
  std::string out(deflateBound(&z, bytes.size()), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  z.avail_in = static_cast<uInt>(bytes.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  int rc = deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return rc == Z_STREAM_END ? out : "";
}

void compress_answer(Response& res) {
  constexpr std::size_t kWorthIt = 1024;
  const auto& type = res.content_type;
  bool text = type.starts_with("application/json") ||
              type.starts_with("application/problem+json") || type.starts_with("text/");
  if (!text || res.body.size() < kWorthIt || !res.file.empty()) return;
  for (const auto& [k, v] : res.headers)
    if (lower(k) == "content-encoding") return;
  std::string packed = gzip(res.body);
  if (packed.empty()) return;
  res.body = std::move(packed);
  res.headers.emplace_back("Content-Encoding", "gzip");
  res.headers.emplace_back("Vary", "Accept-Encoding");
}

}  // namespace kc::http

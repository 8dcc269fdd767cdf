#pragma once
// gzip for answers: a client that sends "Accept-Encoding: gzip" gets JSON and text answers
// of more than 1 KB compressed (zlib at a fast level), and the UI's built assets from their
// precompressed ".gz" twin (written by the web build) when there is one.
#include <string>
#include <string_view>

#include "http/message.h"

namespace kc::http {

// Whether an Accept-Encoding header value accepts `coding` ("gzip", "br"), by name or by "*",
// and does not refuse it with q=0.
bool accepts_coding(std::string_view accept_encoding, std::string_view coding);
inline bool accepts_gzip(std::string_view accept_encoding) {
  return accepts_coding(accept_encoding, "gzip");
}
// gzip-compressed bytes; "" when zlib fails.
std::string gzip(std::string_view bytes);
// Compresses a text answer in place when it is worth it (adds Content-Encoding and Vary).
void compress_answer(Response& res);

}  // namespace kc::http

// gzip for answers: who accepts it, and that what is sent inflates back to the answer.
#include <gtest/gtest.h>
#include <zlib.h>

#include "http/compress.h"

namespace kc::http {
namespace {

std::string gunzip(const std::string& in) {
  z_stream z{};
  EXPECT_EQ(inflateInit2(&z, 15 + 16), Z_OK);
  std::string out(1 << 20, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = static_cast<uInt>(in.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(inflate(&z, Z_FINISH), Z_STREAM_END);
  out.resize(z.total_out);
  inflateEnd(&z);
  return out;
}

TEST(Compress, ReadsAcceptEncoding) {
  EXPECT_TRUE(accepts_gzip("gzip, deflate, br"));
  EXPECT_TRUE(accepts_gzip("br;q=1.0, GZIP;q=0.5"));
  EXPECT_TRUE(accepts_gzip("*"));
  EXPECT_FALSE(accepts_gzip(""));
  EXPECT_FALSE(accepts_gzip("br, deflate"));
  EXPECT_FALSE(accepts_gzip("gzip;q=0"));
  EXPECT_FALSE(accepts_gzip("gzip;q=0.000, br"));
  EXPECT_FALSE(accepts_gzip("x-gzip-not"));
  EXPECT_TRUE(accepts_coding("gzip, deflate, br, zstd", "br"));
  EXPECT_TRUE(accepts_coding("*;q=0.5", "br"));
  EXPECT_FALSE(accepts_coding("gzip, deflate", "br"));
  EXPECT_FALSE(accepts_coding("gzip, br;q=0", "br"));
  EXPECT_FALSE(accepts_coding("brotli", "br"));
}

TEST(Compress, LargeJsonIsCompressedAndInflatesBack) {
  std::string body = "{\"items\":[";
  for (int i = 0; i < 200; ++i)
    body += "{\"code\":\"KC-" + std::to_string(i) + "\",\"tên\":\"Đề án\"},";
  body += "{}]}";
  Response r{200, "application/json", body, {}};
  compress_answer(r);
  ASSERT_LT(r.body.size(), body.size() / 3);
  EXPECT_EQ(gunzip(r.body), body);
  bool encoded = false;
  for (auto& [k, v] : r.headers) encoded = encoded || (k == "Content-Encoding" && v == "gzip");
  EXPECT_TRUE(encoded);
}

TEST(Compress, SmallOrBinaryAnswersAreLeftAlone) {
  Response small{200, "application/json", "{\"status\":\"ok\"}", {}};
  compress_answer(small);
  EXPECT_EQ(small.body, "{\"status\":\"ok\"}");
  Response binary{200, "image/png", std::string(5000, 'x'), {}};
  compress_answer(binary);
  EXPECT_EQ(binary.body.size(), 5000u);
}

}  // namespace
}  // namespace kc::http

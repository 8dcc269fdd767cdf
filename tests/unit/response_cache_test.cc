// The response cache of an I/O thread (http/response_cache.h): a write anywhere raises the
// data version, which empties the cache; an answer built at an older version is not kept;
// the byte bound evicts the least recently used answer.
#include <gtest/gtest.h>

#include "http/response_cache.h"

namespace kc::http {
namespace {

Response answer(std::string body) {
  return Response{200, "application/json", std::move(body)};
}

TEST(ResponseCache, ANewerVersionEmptiesIt) {
  ResponseCache cache;
  cache.put("a@1", 1, answer("[1]"));
  cache.put("b@1", 1, answer("[2]"));
  ASSERT_NE(cache.find("a@1", 1), nullptr);
  EXPECT_EQ(cache.find("a@1", 1)->body, "[1]");
  EXPECT_GT(cache.bytes(), 0u);
  // Another request saw version 2: nothing of version 1 stays held.
  EXPECT_EQ(cache.find("c@2", 2), nullptr);
  EXPECT_EQ(cache.bytes(), 0u);
  EXPECT_EQ(cache.find("b@1", 1), nullptr);
}

TEST(ResponseCache, AnAnswerOfAnOlderVersionIsNotKept) {
  ResponseCache cache;
  cache.put("new@5", 5, answer("new"));
  std::size_t held = cache.bytes();
  // A request that read version 4 before the write finishes after it.
  cache.put("old@4", 4, answer("old"));
  EXPECT_EQ(cache.bytes(), held);
  EXPECT_EQ(cache.find("old@4", 4), nullptr);
  ASSERT_NE(cache.find("new@5", 5), nullptr);
}

TEST(ResponseCache, TheBoundEvictsTheLeastRecentlyUsed) {
  ResponseCache cache(1000);  // each answer below takes 50 + its key + 64 bytes: 8 fit
  cache.put("k0", 1, answer(std::string(50, 'x')));
  for (int i = 1; i < 12; ++i) {
    cache.find("k0", 1);  // k0 stays the most recently used
    cache.put("k" + std::to_string(i), 1, answer(std::string(50, 'x')));
  }
  EXPECT_LE(cache.bytes(), 1000u);
  EXPECT_NE(cache.find("k0", 1), nullptr);
  EXPECT_EQ(cache.find("k1", 1), nullptr);  // the oldest untouched one went first
  EXPECT_NE(cache.find("k11", 1), nullptr);
}

}  // namespace
}  // namespace kc::http

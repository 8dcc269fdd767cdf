// A session in use stays open; an idle one ends at its limit. Its last_seen_at is written now
// and then, not at each request (SessionSettings::touch_seconds), yet often enough that a
// session in use never meets its idle limit, however short the limit (`serve --session-idle`).
#include <gtest/gtest.h>

#include "app/accounts.h"
#include "fault_fixture.h"

namespace kc {
namespace {

using SessionIdle = Faults;

TEST_F(SessionIdle, ASessionInUseOutlivesItsIdleLimitAndAnIdleOneEndsThere) {
  fixture();
  for (std::int64_t idle : {2, 8, 30 * 60}) {
    const app::SessionSettings settings{idle, 12 * 60 * 60};
    const std::int64_t start = 1'900'000'000;
    auto session = app::login(*real_, "chuyenvien", "a-long-password", settings, {}, start);
    ASSERT_TRUE(session) << session.error().message;
    app::SessionCache cache;
    // Used every (idle - 1) seconds, five times its limit: open all along, from the cache too.
    std::int64_t now = start;
    for (; now < start + 5 * idle; now += idle - 1) {
      for (app::SessionCache* c : {static_cast<app::SessionCache*>(nullptr), &cache}) {
        auto a = app::authenticate(*real_, session->token, settings, now, c, 1);
        ASSERT_TRUE(a) << a.error().message;
        EXPECT_TRUE(a->has_value())
            << "idle " << idle << ": ended " << now - start << " s after the login though in use";
      }
    }
    // Then left alone for its limit: ended.
    auto late = app::authenticate(*real_, session->token, settings, now - (idle - 1) + idle);
    ASSERT_TRUE(late);
    EXPECT_FALSE(late->has_value()) << "idle " << idle;
  }
}

}  // namespace
}  // namespace kc

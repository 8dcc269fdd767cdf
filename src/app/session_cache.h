#pragma once
// The sessions one server thread has recently authenticated, so that a request does not read
// its session and user again while nothing has changed. Each entry keeps the data version it
// was read at (store::DataVersion::outside_facilities: sessions and users are not part of the
// facilities' register) and is used only while the version is the same: every write that ends
// a session or changes its user (logout, a password change, a disabled or edited user) raises
// it, in whichever server process it runs. An entry is also
// passed over once its session is past its absolute expiry or idle limit by the times it was
// read with, or due for its touch (SessionSettings::touch_seconds): authenticate() then reads
// the database.
//
// Thread safety: one cache per thread; not shared.
#include <cstdint>
#include <string>
#include <unordered_map>

#include "app/policy.h"
#include "domain/account.h"

namespace kc::app {

struct SessionSettings;

// A session's last_seen_at is written at most this often (authenticate(), and
// SessionSettings::touch_seconds for short idle limits); a cached entry is passed over once its
// touch is due.
inline constexpr std::int64_t kSessionTouchSeconds = 60;

struct CachedSession {
  Actor actor;
  std::string csrf;
  User user;
  Session session;           // as read: its times
  std::int64_t version = 0;  // the data version it was read at
};

class SessionCache {
 public:
  explicit SessionCache(std::size_t max_entries = 10000) : max_entries_(max_entries) {}

  // The entry of a token's hash when it may be used at `version` and time `now`.
  const CachedSession* find(const std::string& token_hash, std::int64_t version, std::int64_t now,
                            const SessionSettings& s) const;
  void put(CachedSession entry);
  void erase(const std::string& token_hash) { entries_.erase(token_hash); }

 private:
  std::size_t max_entries_;
  std::unordered_map<std::string, CachedSession> entries_;
};

}  // namespace kc::app

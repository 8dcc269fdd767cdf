#include "app/session_cache.h"

#include "app/accounts.h"

namespace kc::app {

const CachedSession* SessionCache::find(const std::string& token_hash, std::int64_t version,
                                        std::int64_t now, const SessionSettings& s) const {
  auto it = entries_.find(token_hash);
  if (it == entries_.end()) return nullptr;
  const CachedSession& e = it->second;
  const Session& session = e.session;
  if (e.version != version || session.expires_at <= now ||
      session.last_seen_at + s.idle_seconds <= now ||
      now - session.last_seen_at >= s.touch_seconds())
    return nullptr;
  return &e;
}

void SessionCache::put(CachedSession entry) {
  // Full: start again (entries are cheap to read back; an old one is as likely stale).
  if (entries_.size() >= max_entries_ && !entries_.contains(entry.session.token_hash))
    entries_.clear();
  std::string key = entry.session.token_hash;
  entries_.insert_or_assign(std::move(key), std::move(entry));
}

}  // namespace kc::app

#include "http/response_cache.h"

#include <cstdio>

namespace kc::http {
namespace {

// FNV-1a, 64 bits: a short, stable tag (not a security boundary: the key itself is compared).
std::uint64_t fnv1a(const std::string& s) {
  std::uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  return h;
}

}  // namespace

std::string ResponseCache::key(const Request& req, const std::string& scope, std::int64_t version) {
  std::string k = req.method == "HEAD" ? "GET" : req.method;
  k += ' ';
  k += req.path;
  for (const auto& [name, value] : req.query) k += '\x1f' + name + '=' + value;
  k += '\x1e' + scope + '\x1e' + std::to_string(version);
  return k;
}

std::string ResponseCache::etag(const std::string& key) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "W/\"%016llx\"", static_cast<unsigned long long>(fnv1a(key)));
  return buf;
}

bool ResponseCache::at(std::int64_t version) {
  if (version < version_) return false;
  if (version > version_) {
    index_.clear();
    lru_.clear();
    bytes_ = 0;
    version_ = version;
  }
  return true;
}

const Response* ResponseCache::find(const std::string& key, std::int64_t version) {
  if (!at(version)) return nullptr;
  auto it = index_.find(key);
  if (it == index_.end()) return nullptr;
  lru_.splice(lru_.begin(), lru_, it->second);
  return &it->second->response;
}

void ResponseCache::put(const std::string& key, std::int64_t version, const Response& r) {
  if (!at(version)) return;
  std::size_t size = key.size() + r.body.size() + 64;
  if (size > max_bytes_ / 8) return;  // one huge answer must not flush everything
  if (auto it = index_.find(key); it != index_.end()) {
    bytes_ -= it->second->key.size() + it->second->response.body.size() + 64;
    lru_.erase(it->second);
    index_.erase(it);
  }
  lru_.push_front({key, r});
  index_[key] = lru_.begin();
  bytes_ += size;
  while (bytes_ > max_bytes_ && !lru_.empty()) {
    auto& last = lru_.back();
    bytes_ -= last.key.size() + last.response.body.size() + 64;
    index_.erase(last.key);
    lru_.pop_back();
  }
}

}  // namespace kc::http

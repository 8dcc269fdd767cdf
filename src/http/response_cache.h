#pragma once
// Answers that have not changed are not built again. A cached answer is keyed by the request
// (method, path and query), the user's scope (role, province, organization) and the data's
// version — a counter in the database that every write transaction raises, in whichever
// server process it runs (store::data_version). A write therefore makes every older entry
// unreachable, and a user never meets an answer built for another scope. The ETag carries
// the same key, so that a conditional request (If-None-Match) is answered 304 without
// building the answer either.
//
// Thread safety: one cache per worker thread; not shared.
#include <cstdint>
#include <list>
#include <optional>
#include <string>
#include <unordered_map>

#include "http/message.h"

namespace kc::http {

class ResponseCache {
 public:
  explicit ResponseCache(std::size_t max_bytes = std::size_t{32} << 20) : max_bytes_(max_bytes) {}

  // The key of a request for a scope at a data version.
  static std::string key(const Request& req, const std::string& scope, std::int64_t version);
  // The entity tag of a key (a quoted hash; weak, since gzip may change the bytes later).
  static std::string etag(const std::string& key);

  // Both take the data version the key was built at. A newer version than any seen before
  // empties the cache first: entries of older versions can never be asked for again, and
  // under a steady stream of writes they would otherwise fill it (one cache per I/O thread).
  const Response* find(const std::string& key, std::int64_t version);
  void put(const std::string& key, std::int64_t version, const Response& r);
  std::size_t bytes() const { return bytes_; }

 private:
  struct Entry {
    std::string key;
    Response response;
  };
  // Forgets every entry when `version` is newer than the entries' (false: an older version,
  // whose answer must not be kept).
  bool at(std::int64_t version);

  std::size_t max_bytes_;
  std::int64_t version_ = 0;  // the version of every entry held
  std::size_t bytes_ = 0;
  std::list<Entry> lru_;  // most recent first
  std::unordered_map<std::string, std::list<Entry>::iterator> index_;
};

}  // namespace kc::http

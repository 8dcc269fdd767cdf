#pragma once
// The HTTP server: one io_context per worker thread (no shared strands), plain TCP sockets
// with TCP_NODELAY, keep-alive, a per-worker sweep that closes connections idle or stalled
// longer than `idle_timeout` (instead of a timer per read). The listening socket does not set
// SO_REUSEPORT, so a second instance on the same port fails to start instead of silently
// sharing it. Each worker owns its own database connection. Long work (routes marked
// `long_work`: exports, later reports and solves) runs on a separate bounded thread pool with
// its own connections, so that the I/O threads keep answering everyone else meanwhile.
// /healthz never touches the database; /readyz checks it.
#include <chrono>
#include <cstdint>
#include <functional>
#include <string>

#include "app/accounts.h"
#include "domain/error.h"

namespace kc::http {

struct ServerOptions {
  std::string bind = "127.0.0.1";
  std::uint16_t port = 8080;  // 0 = pick a free port
  // I/O threads, each with its own event loop and database connection. 0: one per core on
  // SQLite; four per core on PostgreSQL, where a thread waits on the network for every query
  // (at two per core the 2,000 requests/s of bench/run-load queued behind those waits).
  int threads = 0;
  std::string db_location;  // as given to store::open
  // Where reports, dashboards and open data read (a PostgreSQL streaming replica); "" = the
  // database itself. Those routes say how fresh their answer is (`data_as_of`).
  std::string report_db;
  std::string web_root;  // built UI (web/dist), served under /app/; "" = API only
  // The public site's address as the world sees it (RSS and sitemap links); "" =
  // http://bind:port.
  std::string public_url;
  std::size_t max_body = 1 << 20;     // bytes
  std::size_t max_upload = 32 << 20;  // bytes, an attachment's upload (its rule may say less)
  std::size_t max_header = 16 << 10;  // bytes
  std::chrono::seconds idle_timeout{30};
  int lock_wait_ms = 2000;  // a write waits this long for another writer, then 503
  int pool_threads = 2;     // threads for long work (exports, imports, reports)
  int max_long_work = 8;    // long requests at once (running or queued); then 503
  app::SessionSettings sessions;
  app::LoginPolicy logins;
  // Called once the socket listens, with the actual port.
  std::function<void(std::uint16_t)> on_listening;
};

// Serves until SIGINT or SIGTERM. Returns an error when it cannot start.
Status serve(const ServerOptions& options);

}  // namespace kc::http

// The only translation unit that includes Boost.Beast (see beast_pch.h).
#include "http/server.h"

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include <array>
#include <atomic>
#include <cmath>
#include <list>
#include <memory>
#include <random>
#include <thread>

#include <spdlog/spdlog.h>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <nlohmann/json.hpp>

#include "http/beast_pch.h"
#include "http/compress.h"
#include "http/problem.h"
#include "http/router.h"
#include "http/static_files.h"
#include "http/target.h"
#include "http/version_reader.h"
#include "store/facility_index.h"
#include "store/files.h"
#include "store/migrate.h"

namespace kc::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;
constexpr auto use_tuple = asio::as_tuple(asio::use_awaitable);
// What of a SQLite file a request worker reads through a memory map (Connection::map_file).
constexpr std::int64_t kWorkerFileMap = std::int64_t{1} << 30;

// Headers on every response (security headers come first so that nothing can drop them).
template <class Message>
void add_common_headers(Message& res, const std::string& request_id) {
  res.set(bhttp::field::server, "khuyencong");
  res.set("X-Request-Id", request_id);
  res.set("X-Content-Type-Options", "nosniff");
  res.set("Referrer-Policy", "same-origin");
  res.set("X-Frame-Options", "DENY");
  res.set("Content-Security-Policy",
          "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
          "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; "
          "form-action 'self'");
}

// Our response as Beast's, with the common headers and the length set.
bhttp::response<bhttp::string_body> beast_response(Response res, unsigned version,
                                                   const std::string& request_id) {
  bhttp::response<bhttp::string_body> out{static_cast<bhttp::status>(res.status), version};
  add_common_headers(out, request_id);
  if (!res.content_type.empty()) out.set(bhttp::field::content_type, res.content_type);
  for (auto& [k, v] : res.headers) out.insert(k, v);
  out.body() = std::move(res.body);
  out.prepare_payload();
  return out;
}

// The methods of RFC 9110 (case-sensitive); anything else is 501 Not Implemented.
bool is_known_method(std::string_view m) {
  for (std::string_view k :
       {"GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT"})
    if (m == k) return true;
  return false;
}

std::string new_request_id() {
  thread_local std::mt19937_64 rng{std::random_device{}()};
  static constexpr char kHex[] = "0123456789abcdef";
  std::string id(16, '0');
  auto v = rng();
  for (auto& c : id) c = kHex[v & 15], v >>= 4;
  return id;
}

// One worker: its io_context, its database connection and its open connections.
struct Worker {
  asio::io_context io{1};
  std::unique_ptr<store::Connection> db;
  // The answers' caches: those that read the facilities' register, and those that do not
  // (Route::reads_facilities), 16 MB each.
  ResponseCache cache{std::size_t{16} << 20};
  ResponseCache facility_free_cache{std::size_t{16} << 20};
  app::SessionCache sessions;
  struct Conn {
    tcp::socket* socket;
    Clock::time_point waiting_since;
    bool waiting = false;  // a read is pending
  };
  std::list<std::weak_ptr<Conn>> conns;
};

// Beast's request as ours; `parsed` holds the target's parse (path and query) or its error.
Request to_request(bhttp::request<bhttp::string_body>& breq, Result<Target>& parsed) {
  Request req;
  req.request_id = new_request_id();
  req.method = std::string(breq.method_string());
  parsed = parse_target(breq.target());
  if (parsed) req.path = parsed->path, req.query = parsed->query;
  req.content_type = std::string(breq[bhttp::field::content_type]);
  req.cookie = std::string(breq[bhttp::field::cookie]);
  req.csrf_token = std::string(breq["X-CSRF-Token"]);
  req.if_none_match = std::string(breq[bhttp::field::if_none_match]);
  req.tls = breq["X-Forwarded-Proto"] == "https";
  req.gzip = accepts_gzip(breq[bhttp::field::accept_encoding]);
  req.brotli = accepts_coding(breq[bhttp::field::accept_encoding], "br");
  req.body = std::move(breq.body());
  return req;
}

// Answers one request with this database connection (the worker's, or a pool thread's).
Response answer(Request& req, const Result<Target>& parsed, const std::string& instance,
                store::Connection& db, ResponseCache* cache, ResponseCache* facility_free,
                app::SessionCache* sessions, const app::Background& background,
                const ServerOptions& opt, std::string& route_out, app::ReportCache* reports,
                store::Connection* report_db = nullptr) {
  if (!is_known_method(req.method)) {
    route_out = "(unknown method)";
    return problem(
        Error::of(ErrorKind::not_implemented, "the method " + req.method + " is not implemented"),
        instance);
  }
  if (!parsed) {
    route_out = "(bad target)";
    return problem(parsed.error(), instance);
  }
  bool get = req.method == "GET" || req.method == "HEAD";
  if (req.path == "/healthz" || req.path == "/readyz") {
    route_out = req.path;
    if (!get) return method_not_allowed(req.method, "GET, HEAD", req.path);
    // Liveness never touches the database; readiness checks it.
    if (req.path == "/healthz") return {200, "application/json", "{\"status\":\"ok\"}", {}};
    if (!store::ping(db))
      return problem(Error::of(ErrorKind::unavailable, "the database does not answer"), req.path);
    // Whether searches of the facilities go through the index in memory yet.
    const store::FacilityIndex* index = db.facility_index();
    std::string body = "{\"status\":\"ready\"";
    if (index)
      body += index->ready() ? ",\"search_index\":\"ready\"" : ",\"search_index\":\"building\"";
    return {200, "application/json", body + "}", {}};
  }
  auto context = [&] {
    return HandlerContext{db,           cache,   background, opt.sessions,
                          opt.logins,   {},      {},         store::files_dir(opt.db_location),
                          report_db,    reports, {},         sessions,
                          facility_free};
  };
  if (req.path.starts_with("/api/")) {
    HandlerContext ctx = context();
    Response res = dispatch(ctx, req);
    route_out = req.route.empty() ? "(unmatched)" : req.route;
    return res;
  }
  if (!get) return method_not_allowed(req.method, "GET, HEAD", req.path);
  if (req.path == "/app" || req.path.starts_with("/app/")) {
    route_out = "(static)";
    // The application's files (built with /app/ as their base) and its client-side routes.
    std::string inner = req.path.size() <= 5 ? "/" : req.path.substr(4);
    return serve_static(opt.web_root, inner, {.gzip = req.gzip, .brotli = req.brotli});
  }
  HandlerContext ctx = context();
  ctx.public_url = opt.public_url.empty() ? "http://" + opt.bind + ":" + std::to_string(opt.port)
                                          : opt.public_url;
  Response res = dispatch_site(ctx, req);
  route_out = req.route.empty() ? "(site)" : req.route;
  return res;
}

// The database connection of the calling pool thread (opened on first use).
store::Connection* pool_connection(const ServerOptions& opt) {
  thread_local std::unique_ptr<store::Connection> db;
  if (!db) {
    auto c = store::open(opt.db_location);
    if (!c || !(*c)->set_lock_wait(opt.lock_wait_ms)) return nullptr;
    db = std::move(*c);
  }
  return db.get();
}

// The calling pool thread's connection to the report replica (serve --report-db), opened on
// first use; nullptr when there is none (or it does not answer: the reports then read the
// database itself).
store::Connection* report_connection(const ServerOptions& opt) {
  if (opt.report_db.empty()) return nullptr;
  thread_local std::unique_ptr<store::Connection> db;
  if (!db) {
    auto c = store::open(opt.report_db);
    if (!c) {
      spdlog::warn("the report database does not answer: {}", c.error().message);
      return nullptr;
    }
    db = std::move(*c);
  }
  return db.get();
}

// What every session shares: the bounded pool for long work (exports, imports, reports).
struct Shared {
  Shared(int threads, const ServerOptions& opt)
      : reports([this, &opt](std::function<void(store::Connection&)> work) {
          asio::post(pool, [&opt, work = std::move(work)] {
            store::Connection* db = report_connection(opt);
            if (!db) db = pool_connection(opt);
            if (db) work(*db);
          });
        }),
        pool(static_cast<std::size_t>(threads)) {
    if (store::is_postgres(opt.db_location))
      versions = std::make_unique<VersionReader>(opt.db_location);
  }
  app::ReportCache reports;  // declared before the pool: outlives the loads that run on it
  asio::thread_pool pool;
  std::atomic<int> long_running{0};
  std::unique_ptr<VersionReader> versions;  // PostgreSQL's: read off the I/O threads
};

// Runs the request on the pool when its route is long work, else right here.
asio::awaitable<Response> run(Worker& w, Shared& shared, const ServerOptions& opt, Request& req,
                              const Result<Target>& parsed, const std::string& instance,
                              std::string& route_out) {
  app::Background background = [&shared, &opt](std::function<void(store::Connection&)> work) {
    asio::post(shared.pool, [&opt, work = std::move(work)] {
      if (store::Connection* db = pool_connection(opt)) work(*db);
    });
  };
  bool long_work = parsed && req.path.starts_with("/api/") && runs_long(req.method, req.path);
  const bool reads = req.method == "GET" || req.method == "HEAD";
  if (!long_work && shared.versions && parsed && reads && !req.path.starts_with("/app") &&
      req.path != "/healthz" && req.path != "/readyz")
    if (auto v = co_await shared.versions->read()) req.data_version = *v;
  if (!long_work)
    co_return answer(req, parsed, instance, *w.db, &w.cache, &w.facility_free_cache, &w.sessions,
                     background, opt, route_out, &shared.reports);
  if (shared.long_running.fetch_add(1) >= opt.max_long_work) {
    shared.long_running.fetch_sub(1);
    route_out = "(pool full)";
    Error e =
        Error::of(ErrorKind::unavailable, "the server is busy with other exports; retry shortly");
    e.retry_after = 5;
    co_return problem(e, instance);
  }
  Response res = co_await asio::co_spawn(
      shared.pool,
      [&]() -> asio::awaitable<Response> {
        store::Connection* db = pool_connection(opt);
        if (!db)
          co_return problem(Error::of(ErrorKind::unavailable, "no database connection"), instance);
        co_return answer(req, parsed, instance, *db, nullptr, nullptr, nullptr, background, opt,
                         route_out, &shared.reports, report_connection(opt));
      },
      asio::use_awaitable);
  shared.long_running.fetch_sub(1);
  co_return res;
}

// Writes the answer: a file body (then removed) or a string body. False when the connection
// should close.
asio::awaitable<bool> respond(tcp::socket& socket, Response res, const Request& req,
                              unsigned version, bool keep_alive) {
  if (!res.file.empty() && req.method != "HEAD") {
    bhttp::response<bhttp::file_body> out{static_cast<bhttp::status>(res.status), version};
    add_common_headers(out, req.request_id);
    out.set(bhttp::field::content_type, res.content_type);
    for (auto& [k, v] : res.headers) out.insert(k, v);
    beast::error_code ec;
    out.body().open(res.file.c_str(), beast::file_mode::scan, ec);
    if (!res.keep_file) std::remove(res.file.c_str());  // an open file stays readable
    if (ec) {
      res = problem(Error::internal("cannot read the export"), req.path);
    } else {
      out.keep_alive(keep_alive);
      out.prepare_payload();
      auto [wec, n] = co_await bhttp::async_write(socket, out, use_tuple);
      co_return !wec && keep_alive;
    }
  }
  if (!res.file.empty() && !res.keep_file) std::remove(res.file.c_str());
  if (req.gzip) compress_answer(res);
  auto out = beast_response(std::move(res), version, req.request_id);
  out.keep_alive(keep_alive);
  if (req.method == "HEAD") {
    auto size = out.body().size();
    out.body().clear();
    out.content_length(size);
  }
  auto [wec, n] = co_await bhttp::async_write(socket, out, use_tuple);
  co_return !wec && keep_alive;
}

// After refusing a request whose body is still arriving, stop sending and read what the
// client still sends (up to 64 MiB), so that it sees our answer instead of a reset. The idle
// sweep bounds the time this can take.
asio::awaitable<void> linger(tcp::socket& socket, const std::shared_ptr<Worker::Conn>& conn) {
  beast::error_code ignored;
  socket.shutdown(tcp::socket::shutdown_send, ignored);
  std::array<char, 65536> scratch;
  std::size_t drained = 0;
  conn->waiting = true;
  conn->waiting_since = Clock::now();
  while (drained < (64u << 20)) {
    auto [ec, n] = co_await socket.async_read_some(asio::buffer(scratch), use_tuple);
    if (ec) break;
    drained += n;
  }
  conn->waiting = false;
}

asio::awaitable<void> session(Worker& w, Shared& shared, const ServerOptions& opt,
                              tcp::socket socket) {
  auto conn = std::make_shared<Worker::Conn>(Worker::Conn{&socket, Clock::now(), false});
  w.conns.push_back(conn);
  beast::flat_buffer buffer;
  for (;;) {
    bhttp::request_parser<bhttp::string_body> parser;
    // The larger limit while the header is read (Beast checks a Content-Length against it
    // there); then the route's own.
    parser.body_limit(std::max(opt.max_body, opt.max_upload));
    parser.header_limit(static_cast<std::uint32_t>(opt.max_header));
    conn->waiting = true;
    conn->waiting_since = Clock::now();
    auto [ec, n] = co_await bhttp::async_read_header(socket, buffer, parser, use_tuple);
    // An attachment's upload may be larger than any other body.
    if (!ec && !is_upload(parser.get().method() == bhttp::verb::post, parser.get().target())) {
      parser.body_limit(opt.max_body);
      if (parser.content_length() && *parser.content_length() > opt.max_body)
        ec = bhttp::error::body_limit;
    }
    if (!ec && !parser.is_done())
      std::tie(ec, n) = co_await bhttp::async_read(socket, buffer, parser, use_tuple);
    conn->waiting = false;
    if (ec == bhttp::error::end_of_stream || ec == asio::error::operation_aborted ||
        ec == asio::error::eof || ec == asio::error::connection_reset ||
        ec == asio::error::bad_descriptor)
      break;
    if (ec) {
      // Oversized or malformed request: answer once, then close.
      Error e = Error::bad_request("the request could not be read");
      if (ec == bhttp::error::body_limit) e = Error::too_large("the body is larger than the limit");
      if (ec == bhttp::error::header_limit)
        e = Error::of(ErrorKind::header_too_large,
                      "the request's headers are larger than the limit");
      auto res = beast_response(problem(e, ""), 11, new_request_id());
      res.keep_alive(false);
      int status = res.result_int();
      co_await bhttp::async_write(socket, res, use_tuple);
      co_await linger(socket, conn);
      spdlog::info("{{\"status\":{},\"route\":\"(unreadable request)\",\"error\":\"{}\"}}", status,
                   ec.message());
      break;
    }
    auto started = Clock::now();
    auto breq = parser.release();
    Result<Target> parsed = std::unexpected(Error::internal(""));
    Request req = to_request(breq, parsed);
    std::string instance(breq.target().substr(0, breq.target().find('?')));
    std::string route;
    Response res = co_await run(w, shared, opt, req, parsed, instance, route);
    // A Transfer-Encoding other than chunked has no body framing we can trust: whatever
    // follows would be read as another request. Answer 501 and close.
    auto te = breq[bhttp::field::transfer_encoding];
    bool bad_te = !te.empty() && !beast::iequals(te, "chunked");
    if (bad_te) {
      if (!res.file.empty() && !res.keep_file) std::remove(res.file.c_str());
      res = problem(Error::of(ErrorKind::not_implemented,
                              "Transfer-Encoding " + std::string(te) + " is not supported"),
                    instance);
      route = "(transfer-encoding)";
    }
    int status = res.status;
    double ms = std::chrono::duration<double, std::milli>(Clock::now() - started).count();
    spdlog::info(
        "{{\"req\":\"{}\",\"method\":\"{}\",\"route\":\"{}\",\"status\":{},\"ms\":{:.2f}}}",
        req.request_id, req.method, route, status, ms);
    bool keep =
        co_await respond(socket, std::move(res), req, breq.version(), breq.keep_alive() && !bad_te);
    if (!keep) break;
  }
  beast::error_code ignored;
  socket.shutdown(tcp::socket::shutdown_send, ignored);
  socket.close(ignored);
}

// Closes connections whose read has been pending longer than the idle timeout.
void sweep(Worker& w, asio::steady_timer& timer, std::chrono::seconds idle) {
  timer.expires_after(std::chrono::seconds(1));
  timer.async_wait([&w, &timer, idle](beast::error_code ec) {
    if (ec) return;
    auto now = Clock::now();
    for (auto it = w.conns.begin(); it != w.conns.end();) {
      auto c = it->lock();
      if (!c) {
        it = w.conns.erase(it);
        continue;
      }
      if (c->waiting && now - c->waiting_since > idle) {
        beast::error_code ignored;
        c->socket->close(ignored);
      }
      ++it;
    }
    sweep(w, timer, idle);
  });
}

int default_threads(const std::string& db_location) {
  int cores = std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
  return store::is_postgres(db_location) ? 4 * cores : cores;
}

}  // namespace

Status serve(const ServerOptions& opt) {
  // Migrations run once, before any worker starts.
  {
    auto db = store::open(opt.db_location);
    if (!db) return std::unexpected(db.error());
    if (auto m = store::migrate(**db); !m) return m;
  }
  int n = opt.threads > 0 ? opt.threads : default_threads(opt.db_location);
  std::vector<std::unique_ptr<Worker>> workers;
  for (int i = 0; i < n; ++i) {
    auto w = std::make_unique<Worker>();
    auto db = store::open(opt.db_location);
    if (!db) return std::unexpected(db.error());
    if (auto s = (*db)->set_lock_wait(opt.lock_wait_ms); !s) return s;
    // A search reads thousands of rows by id: faster through the map (docs/benchmarks.md).
    if (auto s = (*db)->map_file(kWorkerFileMap); !s) return s;
    w->db = std::move(*db);
    workers.push_back(std::move(w));
  }

  Shared shared(std::max(1, opt.pool_threads), opt);
  shared.reports.warm();  // the dashboard's facts ready before its first reader
  // The facilities' search in memory, built on the pool; searches go through SQL meanwhile.
  auto index = std::make_shared<store::FacilityIndex>(
      [&shared, &opt](std::function<void(store::Connection&)> work) {
        asio::post(shared.pool, [&opt, work = std::move(work)] {
          if (store::Connection* db = pool_connection(opt)) work(*db);
        });
      },
      [](const Status& s, double seconds, const store::FacilityIndex& built) {
        nlohmann::json event{{"event", "search_index_built"}, {"ms", std::lround(seconds * 1000)}};
        if (s)
          event.update({{"facilities", built.size()}, {"bytes", built.bytes()}});
        else
          event.update({{"event", "search_index_failed"}, {"error", s.error().message}});
        spdlog::log(s ? spdlog::level::info : spdlog::level::warn, "{}", event.dump());
      });
  for (auto& w : workers) w->db->use_facility_index(index);
  index->start();
  asio::io_context& main_io = workers[0]->io;
  tcp::acceptor acceptor(main_io);
  beast::error_code ec;
  auto address = asio::ip::make_address(opt.bind, ec);
  if (ec) return std::unexpected(Error::invalid("bad bind address " + opt.bind));
  tcp::endpoint ep(address, opt.port);
  acceptor.open(ep.protocol(), ec);
  if (!ec) acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) acceptor.bind(ep, ec);
  if (!ec) acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec)
    return std::unexpected(Error::internal("cannot listen on " + opt.bind + ":" +
                                           std::to_string(opt.port) + ": " + ec.message()));
  if (opt.on_listening) opt.on_listening(acceptor.local_endpoint().port());

  std::atomic<size_t> next{0};
  std::function<void()> accept_next;
  accept_next = [&] {
    Worker* target = workers[next++ % workers.size()].get();
    acceptor.async_accept(target->io, [&, target](beast::error_code aec, tcp::socket socket) {
      if (aec == asio::error::operation_aborted) return;
      if (!aec) {
        socket.set_option(tcp::no_delay(true), aec);
        asio::co_spawn(target->io, session(*target, shared, opt, std::move(socket)),
                       asio::detached);
      }
      accept_next();
    });
  };
  accept_next();

  std::vector<std::unique_ptr<asio::steady_timer>> timers;
  for (auto& w : workers) {
    timers.push_back(std::make_unique<asio::steady_timer>(w->io));
    sweep(*w, *timers.back(), opt.idle_timeout);
  }
  asio::signal_set signals(main_io, SIGINT, SIGTERM);
  signals.async_wait([&](beast::error_code, int) {
    acceptor.close();
    for (auto& w : workers) w->io.stop();
  });

  std::vector<std::thread> threads;
  for (size_t i = 1; i < workers.size(); ++i)
    threads.emplace_back([&, i] { workers[i]->io.run(); });
  workers[0]->io.run();
  for (auto& w : workers) w->io.stop();
  for (auto& t : threads) t.join();
  shared.pool.stop();
  shared.pool.join();
  return {};
}

}  // namespace kc::http

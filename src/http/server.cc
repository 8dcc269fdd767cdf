// The only translation unit that includes Boost.Beast (see beast_pch.h).
#include "http/server.h"

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include <array>
#include <atomic>
#include <list>
#include <memory>
#include <random>
#include <thread>

#include <spdlog/spdlog.h>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/use_awaitable.hpp>

#include "http/beast_pch.h"
#include "http/problem.h"
#include "http/router.h"
#include "http/static_files.h"
#include "http/target.h"
#include "store/migrate.h"

namespace kc::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;
constexpr auto use_tuple = asio::as_tuple(asio::use_awaitable);

// Headers on every response (security headers come first so that nothing can drop them).
void add_common_headers(bhttp::response<bhttp::string_body>& res, const std::string& request_id) {
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
  ResponseCache cache;
  struct Conn {
    tcp::socket* socket;
    Clock::time_point waiting_since;
    bool waiting = false;  // a read is pending
  };
  std::list<std::weak_ptr<Conn>> conns;
};

// Converts Beast's request to ours, runs it, and converts the response back.
bhttp::response<bhttp::string_body> handle(Worker& w, const ServerOptions& opt,
                                           bhttp::request<bhttp::string_body>& breq,
                                           std::string& route_out) {
  Request req;
  req.request_id = new_request_id();
  req.method = std::string(breq.method_string());
  std::string_view target = breq.target();
  auto parsed = parse_target(target);
  req.content_type = std::string(breq[bhttp::field::content_type]);
  req.cookie = std::string(breq[bhttp::field::cookie]);
  req.csrf_token = std::string(breq["X-CSRF-Token"]);
  req.if_none_match = std::string(breq[bhttp::field::if_none_match]);
  req.tls = breq["X-Forwarded-Proto"] == "https";
  req.body = std::move(breq.body());
  std::string instance(target.substr(0, target.find('?')));

  Response res;
  if (!is_known_method(req.method)) {
    res = problem(
        Error::of(ErrorKind::not_implemented, "the method " + req.method + " is not implemented"),
        instance);
    route_out = "(unknown method)";
  } else if (!parsed) {
    res = problem(parsed.error(), instance);
    route_out = "(bad target)";
  } else if (req.path = std::move(parsed->path), req.query = std::move(parsed->query);
             req.path == "/healthz") {
    res = req.method == "GET" || req.method == "HEAD"
              ? Response{200, "application/json", "{\"status\":\"ok\"}", {}}
              : method_not_allowed(req.method, "GET, HEAD", req.path);
    route_out = "/healthz";
  } else if (req.path.starts_with("/api/")) {
    HandlerContext ctx{*w.db, &w.cache, opt.sessions, opt.logins, {}, {}};
    res = dispatch(ctx, req);
    route_out = req.route.empty() ? "(unmatched)" : req.route;
  } else if (req.method == "GET" || req.method == "HEAD") {
    res = serve_static(opt.web_root, req.path);
    route_out = "(static)";
  } else {
    res = method_not_allowed(req.method, "GET, HEAD", req.path);
    route_out = "(static)";
  }

  // A Transfer-Encoding other than chunked has no body framing we can trust: whatever
  // follows would be read as another request. Answer 501 and close.
  auto te = breq[bhttp::field::transfer_encoding];
  bool bad_te = !te.empty() && !beast::iequals(te, "chunked");
  if (bad_te) {
    res = problem(Error::of(ErrorKind::not_implemented,
                            "Transfer-Encoding " + std::string(te) + " is not supported"),
                  instance);
    route_out = "(transfer-encoding)";
  }
  auto out = beast_response(std::move(res), breq.version(), req.request_id);
  out.keep_alive(breq.keep_alive() && !bad_te);
  if (req.method == "HEAD") {
    auto size = out.body().size();
    out.body().clear();
    out.content_length(size);
  }
  route_out += "\t" + req.request_id;
  return out;
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

asio::awaitable<void> session(Worker& w, const ServerOptions& opt, tcp::socket socket) {
  auto conn = std::make_shared<Worker::Conn>(Worker::Conn{&socket, Clock::now(), false});
  w.conns.push_back(conn);
  beast::flat_buffer buffer;
  for (;;) {
    bhttp::request_parser<bhttp::string_body> parser;
    parser.body_limit(opt.max_body);
    parser.header_limit(static_cast<std::uint32_t>(opt.max_header));
    conn->waiting = true;
    conn->waiting_since = Clock::now();
    auto [ec, n] = co_await bhttp::async_read(socket, buffer, parser, use_tuple);
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
    auto req = parser.release();
    std::string method(req.method_string());
    std::string route;
    auto res = handle(w, opt, req, route);
    double ms = std::chrono::duration<double, std::milli>(Clock::now() - started).count();
    auto tab = route.find('\t');
    spdlog::info(
        "{{\"req\":\"{}\",\"method\":\"{}\",\"route\":\"{}\",\"status\":{},\"ms\":{:.2f}}}",
        route.substr(tab + 1), method, route.substr(0, tab), res.result_int(), ms);
    bool keep = res.keep_alive();
    auto [wec, wn] = co_await bhttp::async_write(socket, res, use_tuple);
    if (wec || !keep) break;
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

}  // namespace

Status serve(const ServerOptions& opt) {
  // Migrations run once, before any worker starts.
  {
    auto db = store::open(opt.db_location);
    if (!db) return std::unexpected(db.error());
    if (auto m = store::migrate(**db); !m) return m;
  }
  int n = std::max(1, opt.threads);
  std::vector<std::unique_ptr<Worker>> workers;
  for (int i = 0; i < n; ++i) {
    auto w = std::make_unique<Worker>();
    auto db = store::open(opt.db_location);
    if (!db) return std::unexpected(db.error());
    if (auto s = (*db)->set_lock_wait(opt.lock_wait_ms); !s) return s;
    w->db = std::move(*db);
    workers.push_back(std::move(w));
  }

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
        asio::co_spawn(target->io, session(*target, opt, std::move(socket)), asio::detached);
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
  return {};
}

}  // namespace kc::http

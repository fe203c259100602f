#include "server/server.h"

#include <netinet/in.h>
#include <sys/socket.h>

#include <algorithm>
#include <thread>

#include <httplib.h>

#include "core/error.h"
#include "server/pipeline.h"
#include "server/response_cache.h"
#include "server/routes/routes.h"
#include "server/site.h"
#include "server/store_pool.h"

namespace vakkaart::server {

namespace {

// Debian's cpp-httplib 0.11 listens with a backlog of 5 and gives no way to change it: when
// more clients connect at once (a browser opens 6, a load test 64) the kernel drops their SYNs
// and they retry after 1 s, then 3 s (seen as p99 > 1 s and wrk timeouts, with
// TcpExtListenOverflows rising). Linux lets listen() be called again on a listening socket to
// change its backlog, so find ours (the listening TCP socket on our port) and widen it.
void widen_listen_backlog(int port) {
  for (int fd = 0; fd < 1024; ++fd) {
    int listening = 0;
    socklen_t len = sizeof listening;
    if (::getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &listening, &len) != 0 || !listening)
      continue;
    sockaddr_storage addr{};
    socklen_t addr_len = sizeof addr;
    if (::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &addr_len) != 0)
      continue;
    int bound = 0;
    if (addr.ss_family == AF_INET)
      bound = ntohs(reinterpret_cast<const sockaddr_in*>(&addr)->sin_port);
    else if (addr.ss_family == AF_INET6)
      bound = ntohs(reinterpret_cast<const sockaddr_in6*>(&addr)->sin6_port);
    if (bound == port)
      ::listen(fd, SOMAXCONN);
  }
}

}  // namespace

struct Server::Impl {
  explicit Impl(ServerOptions o)
      : options(std::move(o)),
        cache(options.db_path, size_t{64} * 1024 * 1024),
        pool(options.db_path, &cache),
        site(options.site) {}

  ServerOptions options;
  ResponseCache cache;
  StorePool pool;
  Site site;
  // The routes outlive httplib's handlers, which refer to them.
  RouteTable routes = all_routes();
  httplib::Server http;
};

namespace {

// A cached response is sent before routing: no regex matching, no store, no rendering.
void serve_from_cache(httplib::Server& http, ResponseCache& cache) {
  http.set_pre_routing_handler([&cache](const httplib::Request& req, httplib::Response& res) {
    // A signed-in user's pages name them: never answer those from the anonymous cache.
    if (req.method != "GET" || req.has_header("Authorization") || req.has_header("Cookie"))
      return httplib::Server::HandlerResponse::Unhandled;
    auto hit = cache.lookup(req.target);
    if (!hit)
      return httplib::Server::HandlerResponse::Unhandled;
    res.status = 200;
    if (!hit->content_language.empty())
      res.set_header("Content-Language", hit->content_language);
    res.set_content(hit->body, hit->content_type);
    return httplib::Server::HandlerResponse::Handled;
  });
}

}  // namespace

Server::Server(ServerOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {
  // Fail at start, not at the first request, when the database cannot be read.
  { auto probe = impl_->pool.borrow(); }
  auto& http = impl_->http;
  int threads = impl_->options.threads;
  // Each keep-alive connection holds a worker for as long as it stays open, so the pool is
  // sized for many clients (a browser opens 6, a load test 64), not for the cores.
  if (threads <= 0)
    threads = std::max(128, static_cast<int>(std::thread::hardware_concurrency() * 8));
  http.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<size_t>(threads)); };
  // Without TCP_NODELAY small responses wait ~40 ms for delayed ACKs (measured on Debian's 0.11).
  http.set_tcp_nodelay(true);
  // A connection closed after N requests must reconnect, and the library's small listen
  // backlog then drops SYNs under load (a 1 s retransmit, seen as p99 > 1 s with 64 clients);
  // idle connections are still closed after the timeout, which is what frees workers.
  http.set_keep_alive_max_count(1000000);
  http.set_keep_alive_timeout(2);
  http.set_payload_max_length(size_t{8} * 1024 * 1024);

  serve_from_cache(http, impl_->cache);
  impl_->routes.install(http, impl_->pool, impl_->site);
}

std::vector<RouteSpec> Server::routes() const {
  return impl_->routes.specs();
}

Server::~Server() = default;

int Server::bind(const std::string& host, int port) {
  auto& http = impl_->http;
  int bound = port == 0 ? http.bind_to_any_port(host) : (http.bind_to_port(host, port) ? port : -1);
  if (bound <= 0)
    throw Error(ErrorCode::io_error, "cannot listen on " + host + ":" + std::to_string(port) +
                                         " (in use, or not an address of this machine)");
  widen_listen_backlog(bound);
  return bound;
}

void Server::serve() {
  impl_->http.listen_after_bind();
}

void Server::stop() {
  impl_->http.stop();
}

}  // namespace vakkaart::server

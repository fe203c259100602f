#include "server/server.h"

#include <netinet/in.h>
#include <sys/resource.h>
#include <sys/socket.h>

#include <algorithm>
#include <optional>
#include <thread>

#include <httplib.h>

#include "core/error.h"
#include "search/search_service.h"
#include "server/index_refresher.h"
#include "server/pipeline.h"
#include "server/response_cache.h"
#include "server/routes/routes.h"
#include "server/site.h"
#include "server/store_pool.h"
#include "server/transport/connection_server.h"
#include "server/transport/host_check.h"
#include "server/transport/method_fallbacks.h"
#include "server/transport/security_headers.h"
#include "server/transport/transport_errors.h"
#include "store/change_feed.h"

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

// How many connections the process can hold: the open-file limit (raised to its hard limit,
// as servers do, up to 65536) less what the workers need besides their connection (a store is
// three descriptors: database, WAL, shared memory; a search index a few more).
std::size_t connection_budget(std::size_t wanted, int workers) {
  rlimit limit{};
  if (::getrlimit(RLIMIT_NOFILE, &limit) != 0)
    return wanted;
  if (limit.rlim_cur != RLIM_INFINITY && limit.rlim_cur < limit.rlim_max) {
    rlimit raised = limit;
    raised.rlim_cur = std::min<rlim_t>(limit.rlim_max, 65536);
    if (raised.rlim_cur > limit.rlim_cur && ::setrlimit(RLIMIT_NOFILE, &raised) == 0)
      limit = raised;
  }
  if (limit.rlim_cur == RLIM_INFINITY)
    return wanted;
  const std::size_t reserve = 64 + 8 * static_cast<std::size_t>(workers);
  const std::size_t open = limit.rlim_cur > reserve + 16 ? limit.rlim_cur - reserve : 16;
  return std::min(wanted, open);
}

transport::TransportSettings transport_settings(const ServerOptions& o) {
  const SiteConfig& site = o.site;
  transport::TransportSettings t;
  t.head.max_header_count = site.max_header_count;
  t.head.max_header_bytes = site.max_header_bytes;
  t.head.max_body_bytes = site.max_body_bytes;
  t.read_timeout_ms = site.read_timeout_seconds * 1000;
  t.request_timeout_ms = site.request_timeout_seconds * 1000;
  t.keep_alive_timeout_ms = site.keep_alive_timeout_seconds * 1000;
  t.write_timeout_ms = site.write_timeout_seconds * 1000;
  t.keep_alive_max_requests = site.keep_alive_max_requests;
  t.max_connections_per_address = site.max_connections_per_address;
  // Workers are held only by requests being read and answered, not by idle connections, so
  // the pool is sized for concurrent requests (handlers may wait on SQLite's write lock).
  t.workers = o.threads > 0
                  ? o.threads
                  : std::max(64, static_cast<int>(std::thread::hardware_concurrency() * 8));
  t.max_connections = connection_budget(site.max_connections, t.workers);
  return t;
}

}  // namespace

static StoreSettings store_settings(const ServerOptions& o) {
  StoreSettings s;
  s.location = o.db_path;
  s.pool_size = o.pool_size;
  s.pg = o.pg;
  s.search_index = o.search_index.empty() ? search::index_dir_for(o.db_path) : o.search_index;
  return s;
}

struct Server::Impl {
  explicit Impl(ServerOptions o)
      : options(std::move(o)),
        changes(store::watch_changes(options.db_path)),
        cache(*changes, options.site.response_cache_bytes, routes.specs()),
        pool(store_settings(options), &cache),
        methods(routes.specs()),
        site(options.site),
        http(transport_settings(options)) {}

  ServerOptions options;
  // The routes outlive httplib's handlers, which refer to them.
  RouteTable routes = all_routes();
  std::unique_ptr<store::ChangeFeed> changes;
  ResponseCache cache;
  StorePool pool;
  transport::MethodTable methods;
  Site site;
  transport::ConnectionServer http;
  std::optional<transport::HostCheck> hosts;  // known once bound
  std::optional<IndexRefresher> refresher;    // from serve() on
};

namespace {

// Whether the Host header names this server; answers the request when it does not.
bool refuse_host(const std::optional<transport::HostCheck>& hosts, const httplib::Request& req,
                 httplib::Response& res) {
  const std::size_t count = req.get_header_value_count("Host");
  std::string why;
  int status = 400;
  if (count > 1) {
    why = "the request has more than one Host header";
  } else if (count == 0) {
    if (req.version == "HTTP/1.0")
      return false;  // HTTP/1.0 has no Host; browsers never send such requests
    why = "the request has no Host header";
  } else if (hosts && !hosts->allows(req.get_header_value("Host"))) {
    // 421: this server is not the one to answer for that name (nothing about the request
    // itself is wrong, so not 400); a browser shows it and a rebinding page reads nothing.
    status = 421;
    why = "this server is not configured to answer for the host '" + req.get_header_value("Host") +
          "' (see vakkaart serve --allowed-host)";
  } else {
    return false;
  }
  transport::send_transport_error(req, res, status, why);
  return true;
}

// Before routing: the Host check, methods no route can take, then a cached response, which
// is sent without regex matching, store or rendering.
// `hosts` is filled in by bind(), before the first request.
void install_edge(httplib::Server& http, const std::optional<transport::HostCheck>& hosts,
                  const transport::MethodTable& methods, ResponseCache& cache) {
  http.set_pre_routing_handler(
      [&hosts, &methods, &cache](const httplib::Request& req, httplib::Response& res) {
        using Answer = httplib::Server::HandlerResponse;
        if (refuse_host(hosts, req, res) || transport::answer_unrouted_method(methods, req, res))
          return Answer::Handled;
        if (req.method != "GET")
          return Answer::Unhandled;
        auto hit = cache.lookup(req);
        if (!hit)
          return Answer::Unhandled;
        res.status = 200;
        if (!hit->content_language.empty())
          res.set_header("Content-Language", hit->content_language);
        if (!hit->vary.empty())
          res.set_header("Vary", hit->vary);
        res.set_content(hit->body, hit->content_type);
        return Answer::Handled;
      });
  // Every response the library writes passes here last: routed, cached, refused, errors.
  http.set_post_routing_handler([](const httplib::Request&, httplib::Response& res) {
    transport::add_security_headers(res);
  });
}

}  // namespace

Server::Server(ServerOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {
  // Fail at start, not at the first request, when the database cannot be read.
  { auto probe = impl_->pool.borrow(); }
  auto& http = impl_->http;
  // Without TCP_NODELAY small responses wait ~40 ms for delayed ACKs (measured on Debian's 0.11).
  http.set_tcp_nodelay(true);
  install_edge(http, impl_->hosts, impl_->methods, impl_->cache);
  impl_->routes.install(http, impl_->pool, impl_->site);
  transport::install_method_fallbacks(http, impl_->methods);
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
  impl_->hosts.emplace(host, bound, impl_->options.site.public_url,
                       impl_->options.site.allowed_hosts);
  return bound;
}

void Server::serve() {
  impl_->refresher.emplace(impl_->pool, *impl_->changes);
  impl_->http.start_transport();
  impl_->http.listen_after_bind();
  impl_->http.stop_transport();
  impl_->refresher.reset();
}

void Server::stop() {
  impl_->http.stop();
}

}  // namespace vakkaart::server

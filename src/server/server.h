#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "server/route_spec.h"
#include "server/site_config.h"
#include "store/store.h"

namespace vakkaart::server {

struct ServerOptions {
  /// A constructor rather than an aggregate, so `ServerOptions{db, threads}` stays complete
  /// as fields are added (-Wmissing-field-initializers).
  explicit ServerOptions(std::string db = "vakkaart.db", int worker_threads = 0,
                         SiteConfig site_config = {})
      : db_path(std::move(db)), threads(worker_threads), site(std::move(site_config)) {}

  std::string db_path;
  /// The search index folder; empty: search::index_dir_for(db_path).
  std::string search_index;
  /// Store connections at once (0: no limit) and PostgreSQL settings.
  int pool_size = 0;
  store::PgOptions pg;
  /// Worker threads; 0 picks max(64, cores * 8). A connection holds one only while one of its
  /// requests is read (after its head has arrived) and answered, never while it is idle.
  int threads;
  /// The public URL, allowed hosts and transport limits.
  SiteConfig site;
};

/// The HTTP server: JSON API and HTML pages over the store. The HTTP library stays behind Impl.
class Server {
 public:
  explicit Server(ServerOptions options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  /// Binds host:port (port 0 = any free port) and returns the port bound. The Host headers
  /// answered to follow from it (see transport/host_check.h).
  int bind(const std::string& host, int port);
  /// Serves until stop() is called; blocks.
  void serve();
  /// Stops serve(); safe to call from another thread.
  void stop();
  /// Every route the server declares (server/routes/), in registration order.
  std::vector<RouteSpec> routes() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace vakkaart::server

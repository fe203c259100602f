#pragma once

#include <memory>
#include <string>
#include <vector>

#include "server/route_spec.h"
#include "server/site_config.h"

namespace vakkaart::server {

struct ServerOptions {
  std::string db_path = "vakkaart.db";
  /// Worker threads; 0 picks max(128, cores * 8). Each keep-alive connection holds one.
  int threads = 0;
  /// Public URL, allowed hosts, limits.
  SiteConfig site;
};

/// The HTTP server: JSON API and HTML pages over the store. The HTTP library stays behind Impl.
class Server {
 public:
  explicit Server(ServerOptions options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  /// Binds host:port (port 0 = any free port) and returns the port bound.
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

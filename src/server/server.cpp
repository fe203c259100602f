#include "server/server.h"

#include <algorithm>
#include <thread>

#include <httplib.h>

#include "core/error.h"
#include "formats/canonical_json.h"
#include "server/routes/routes.h"
#include "server/store_pool.h"

namespace vakkaart::server {

namespace {

const char* status_title(int status) {
  switch (status) {
    case 400:
      return "Bad Request";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 409:
      return "Conflict";
    case 413:
      return "Payload Too Large";
    case 500:
      return "Internal Server Error";
    default:
      return "Error";
  }
}

}  // namespace

void send_problem(httplib::Response& res, int status, const std::string& code,
                  const std::string& detail) {
  formats::Json body = {{"type", "about:blank"},
                        {"title", status_title(status)},
                        {"status", status},
                        {"code", code},
                        {"detail", detail}};
  res.status = status;
  res.set_content(body.dump(), "application/problem+json; charset=utf-8");
}

struct Server::Impl {
  explicit Impl(ServerOptions o) : options(std::move(o)), pool(options.db_path) {}

  ServerOptions options;
  StorePool pool;
  httplib::Server http;
};

Server::Server(ServerOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {
  // Fail at start, not at the first request, when the database cannot be read.
  { auto probe = impl_->pool.borrow(); }
  auto& http = impl_->http;
  int threads = impl_->options.threads;
  if (threads <= 0)
    threads = std::max(8, static_cast<int>(std::thread::hardware_concurrency() * 2));
  http.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<size_t>(threads)); };
  // Without TCP_NODELAY small responses wait ~40 ms for delayed ACKs (measured on Debian's 0.11).
  http.set_tcp_nodelay(true);
  http.set_keep_alive_max_count(1000);
  http.set_keep_alive_timeout(2);
  http.set_payload_max_length(size_t{8} * 1024 * 1024);

  register_catalog_routes(http, impl_->pool);
  register_search_routes(http, impl_->pool);

  http.set_exception_handler(
      [](const httplib::Request&, httplib::Response& res, const std::exception_ptr& ep) {
        try {
          std::rethrow_exception(ep);
        } catch (const Error& e) {
          send_problem(res, e.http_status(), e.code_name(), e.message());
        } catch (const std::exception& e) {
          send_problem(res, 500, "internal", e.what());
        } catch (...) {
          send_problem(res, 500, "internal", "unknown error");
        }
      });
  // Unmatched routes and other bare errors get a JSON problem body, never an HTML page.
  http.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty())
      return;
    std::string detail = res.status == 404 ? "no route for " + req.method + " " + req.path
                                           : std::string(status_title(res.status));
    send_problem(res, res.status, res.status == 404 ? "not_found" : "http_error", detail);
  });
}

Server::~Server() = default;

int Server::bind(const std::string& host, int port) {
  auto& http = impl_->http;
  int bound = port == 0 ? http.bind_to_any_port(host) : (http.bind_to_port(host, port) ? port : -1);
  if (bound <= 0)
    throw Error(ErrorCode::io_error, "cannot listen on " + host + ":" + std::to_string(port) +
                                         " (in use, or not an address of this machine)");
  return bound;
}

void Server::serve() {
  impl_->http.listen_after_bind();
}

void Server::stop() {
  impl_->http.stop();
}

}  // namespace vakkaart::server

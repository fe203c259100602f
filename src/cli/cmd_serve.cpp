#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include "cli/commands.h"
#include "cli/first_start.h"
#include "core/error.h"
#include "search/index_writer.h"
#include "search/search_service.h"
#include "server/server.h"
#include "server/transport/host_check.h"

namespace vakkaart::cli {

namespace {

/// SIGINT/SIGTERM end the server within 2 s whatever it is doing. The handler only does what is
/// async-signal-safe: it asks index rebuilds to stop and wakes a watcher thread through a pipe.
/// The watcher stops the server, and if requests (a long index rebuild, a compaction) still
/// hold the process after kServeStopGrace, ends it at once: the database is committed data and
/// an unfinished index folder is removed at the next start.
constexpr auto kServeStopGrace = std::chrono::milliseconds(1000);

int g_serve_wake[2] = {-1, -1};
std::atomic<int> g_serve_signals{0};
std::atomic<bool> g_serve_done{false};

extern "C" void serve_on_signal(int) {
  if (g_serve_signals.fetch_add(1) > 0)
    _exit(1);  // a second signal: no more waiting
  search::request_index_stop();
  const char byte = 1;
  [[maybe_unused]] const auto n = write(g_serve_wake[1], &byte, 1);
}

void serve_watch(server::Server& srv) {
  char byte = 0;
  while (read(g_serve_wake[0], &byte, 1) < 0 && errno == EINTR) {
  }
  if (byte == 0)
    return;  // the pipe was closed: serve() ended by itself
  srv.stop();
  const auto deadline = std::chrono::steady_clock::now() + kServeStopGrace;
  while (!g_serve_done.load() && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  if (!g_serve_done.load()) {
    static const char message[] = "vakkaart: stopped during a long request\n";
    [[maybe_unused]] const auto n = write(STDERR_FILENO, message, sizeof message - 1);
    _exit(0);
  }
}

// Checks the site options before anything starts, so a typo is a usage error, not a server
// that refuses every request.
void check_site_options(const std::string& public_url, const std::vector<std::string>& hosts) {
  if (!public_url.empty() && !server::transport::public_url_host(public_url))
    throw CLI::ValidationError("--public-url", "'" + public_url +
                                                   "' is not an http or https URL such as "
                                                   "https://vakkaart.example.org");
  for (const auto& h : hosts)
    if (!server::transport::parse_host_port(h))
      throw CLI::ValidationError("--allowed-host", "'" + h +
                                                       "' is not a host name or address, with or "
                                                       "without a :port");
}

// Listening on every address makes the server reachable from the network, where it should
// run behind a TLS proxy with its public URL set (docs/security.md).
void warn_when_exposed(const std::string& host, const std::string& public_url) {
  const bool everywhere = host == "0.0.0.0" || host == "::" || host == "[::]";
  if (everywhere && public_url.empty())
    std::cerr << "vakkaart: warning: listening on every address (" << host
              << ") without --public-url: the server is reachable from the network over plain "
                 "HTTP and answers only to IP addresses and localhost; set --public-url (and "
                 "--allowed-host) for the name users reach it by, behind a TLS proxy "
                 "(docs/security.md)"
              << std::endl;
}

}  // namespace

void add_serve_command(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("serve", "Serve the JSON API (and, later, the web app)");
  static std::string host = "127.0.0.1";
  static int port = 8080;
  static int threads = 0;
  cmd->add_option("--host", host, "Address to listen on")->capture_default_str();
  cmd->add_option("--port", port, "Port (0 = any free port)")
      ->capture_default_str()
      ->check(CLI::Range(0, 65535));
  cmd->add_option("--threads", threads, "Worker threads (0 = automatic)")
      ->check(CLI::Range(0, 1024));
  static int pool_size = -1;
  static int statement_timeout = store::PgOptions{}.statement_timeout_ms;
  static std::string search_index;
  cmd->add_option("--pool-size", pool_size,
                  "Database connections per server at once (default: 32 on PostgreSQL, no limit "
                  "on SQLite; 0 = no limit)")
      ->check(CLI::Range(0, 10000));
  cmd->add_option("--statement-timeout", statement_timeout,
                  "PostgreSQL: milliseconds after which a statement is cancelled (0 = none)")
      ->capture_default_str()
      ->check(CLI::Range(0, 3'600'000));
  cmd->add_option("--search-index", search_index,
                  "This server's search index folder (derived data; default: beside an SQLite "
                  "file, or in ~/.cache/vakkaart for PostgreSQL)");
  static std::string public_url;
  static std::vector<std::string> allowed_hosts;
  static bool trust_proxy = false;
  static int analyse_per_minute = server::SiteConfig{}.analyse_per_minute;
  static int search_per_minute = server::SiteConfig{}.search_per_minute;
  cmd->add_option("--analyse-per-minute", analyse_per_minute,
                  "Analyses per client address and minute (0 = no limit)")
      ->capture_default_str()
      ->check(CLI::Range(0, 1'000'000));
  cmd->add_option("--search-per-minute", search_per_minute,
                  "Searches per client address and minute (0 = no limit)")
      ->capture_default_str()
      ->check(CLI::Range(0, 1'000'000));
  cmd->add_flag("--trust-proxy", trust_proxy,
                "Behind a reverse proxy: the client address (rate limits, audit log) is the last "
                "X-Forwarded-For entry");
  cmd->add_option("--public-url", public_url,
                  "The URL users reach the site at, e.g. https://vakkaart.example.org behind a "
                  "TLS proxy (an https URL marks cookies Secure)");
  cmd->add_option("--allowed-host", allowed_hosts,
                  "Another Host name (host or host:port) to answer to; repeatable. Always "
                  "answered: localhost, 127.0.0.1, [::1], the --host and the public URL's host")
      ->expected(1)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  cmd->callback([&ctx] {
    check_site_options(public_url, allowed_hosts);
    // The handlers go in first: a client may signal as soon as it reads the address.
    if (pipe2(g_serve_wake, O_CLOEXEC) != 0)
      throw Error(ErrorCode::io_error, "cannot create a pipe for signal handling");
    std::signal(SIGINT, serve_on_signal);
    std::signal(SIGTERM, serve_on_signal);
    // Index folders of a rebuild that was killed would otherwise stay forever.
    const std::string index_dir =
        search_index.empty() ? search::index_dir_for(ctx.db_path) : search_index;
    search::remove_abandoned_index_dirs(index_dir);
    server::ServerOptions options{ctx.db_path, threads};
    options.search_index = index_dir;
    options.pool_size = pool_size >= 0 ? pool_size : store::is_pg_url(ctx.db_path) ? 32 : 0;
    options.pg.statement_timeout_ms = statement_timeout;
    options.site.public_url = public_url;
    options.site.allowed_hosts = allowed_hosts;
    options.site.trust_forwarded_for = trust_proxy;
    options.site.analyse_per_minute = analyse_per_minute;
    options.site.search_per_minute = search_per_minute;
    // Brings the schema up to date (the server's own stores may be read-only) and, on a database
    // without users, makes the first site admin.
    const auto first_link = first_start_sign_in(*ctx.open_store(store::OpenMode::read_write));
    server::Server srv(std::move(options));
    warn_when_exposed(host, public_url);
    int bound = srv.bind(host, port);
    std::thread watcher([&srv] { serve_watch(srv); });
    const std::string url = "http://" + std::string(host == "0.0.0.0" ? "127.0.0.1" : host) + ":" +
                            std::to_string(bound);
    std::cout << "vakkaart serving http://" << host << ":" << bound << "/ (database "
              << store::display_location(ctx.db_path) << ")" << std::endl;
    if (first_link)
      std::cout << "No users yet: created the site admin " << kFirstAdminEmail
                << ". Sign in once (valid 15 minutes): " << url << "/sign-in/link/" << *first_link
                << std::endl;
    srv.serve();
    g_serve_done = true;
    if (g_serve_signals.load() == 0)
      close(g_serve_wake[1]);  // wakes the watcher with end-of-file
    watcher.join();
  });
}

}  // namespace vakkaart::cli

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <iostream>
#include <thread>

#include "cli/commands.h"
#include "cli/first_start.h"
#include "core/error.h"
#include "search/index_writer.h"
#include "search/search_service.h"
#include "server/server.h"

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
  cmd->callback([&ctx] {
    // The handlers go in first: a client may signal as soon as it reads the address.
    if (pipe2(g_serve_wake, O_CLOEXEC) != 0)
      throw Error(ErrorCode::io_error, "cannot create a pipe for signal handling");
    std::signal(SIGINT, serve_on_signal);
    std::signal(SIGTERM, serve_on_signal);
    // Index folders of a rebuild that was killed would otherwise stay forever.
    search::remove_abandoned_index_dirs(search::index_dir_for(ctx.db_path));
    server::ServerOptions options;
    options.db_path = ctx.db_path;
    options.threads = threads;
    // Brings the schema up to date (the server's own stores may be read-only) and, on a database
    // without users, makes the first site admin.
    const auto first_link = first_start_sign_in(*ctx.open_store(store::OpenMode::read_write));
    server::Server srv(options);
    int bound = srv.bind(host, port);
    std::thread watcher([&srv] { serve_watch(srv); });
    const std::string url = "http://" + std::string(host == "0.0.0.0" ? "127.0.0.1" : host) + ":" +
                            std::to_string(bound);
    std::cout << "vakkaart serving http://" << host << ":" << bound << "/ (database " << ctx.db_path
              << ")" << std::endl;
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

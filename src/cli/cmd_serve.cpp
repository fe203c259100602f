#include <csignal>
#include <iostream>

#include "cli/commands.h"
#include "server/server.h"

namespace vakkaart::cli {

namespace {
server::Server* g_running = nullptr;
void on_signal(int) {
  if (g_running)
    g_running->stop();
}
}  // namespace

void add_serve_command(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("serve", "Serve the JSON API (and, later, the web app)");
  static std::string host = "127.0.0.1";
  static int port = 8080;
  static int threads = 0;
  cmd->add_option("--host", host, "Address to listen on")->capture_default_str();
  cmd->add_option("--port", port, "Port (0 = any free port)")->capture_default_str();
  cmd->add_option("--threads", threads, "Worker threads (0 = automatic)");
  cmd->callback([&ctx] {
    server::Server srv({ctx.db_path, threads});
    int bound = srv.bind(host, port);
    std::cout << "vakkaart serving http://" << host << ":" << bound << "/ (database " << ctx.db_path
              << ")" << std::endl;
    g_running = &srv;
    std::signal(SIGINT, on_signal);
    std::signal(SIGTERM, on_signal);
    srv.serve();
    g_running = nullptr;
  });
}

}  // namespace vakkaart::cli

#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <thread>

#include <httplib.h>

#include "server/server.h"
#include "store/store.h"
#include "unit/support/sample_documents.h"
#include "unit/support/temp_dir.h"

namespace vakkaart::testing {

/// The real server on a free port, in a background thread, over a temp database holding the
/// sample framework (profiles werker-a, werker-b) and qualification BK-9999 in two versions.
class RunningServer {
 public:
  RunningServer() {
    db_ = dir_.file("api.db");
    store::open_sqlite_store(db_)->put_documents(
        {sample_framework(), sample_qualification(1, true), sample_qualification(2, true)});
    server_ = std::make_unique<server::Server>(server::ServerOptions{db_, 4});
    port_ = server_->bind("127.0.0.1", 0);
    thread_ = std::thread([this] { server_->serve(); });
    // httplib's stop() before its accept loop has started is lost (the loop then runs for
    // ever), so a test that sends nothing must still wait until the server answers.
    for (int i = 0; i < 500 && !client().Get("/api/health"); ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  ~RunningServer() {
    server_->stop();
    thread_.join();
  }
  RunningServer(const RunningServer&) = delete;
  RunningServer& operator=(const RunningServer&) = delete;

  httplib::Result get(const std::string& path) { return client().Get(path.c_str()); }
  httplib::Client client() const { return httplib::Client("127.0.0.1", port_); }
  const server::Server& server() const { return *server_; }

 private:
  TempDir dir_;
  std::string db_;
  std::unique_ptr<server::Server> server_;
  int port_ = 0;
  std::thread thread_;
};

}  // namespace vakkaart::testing

#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <thread>

#include <httplib.h>

#include "auth/account_service.h"
#include "server/server.h"
#include "store/store.h"
#include "unit/support/sample_documents.h"
#include "unit/support/temp_dir.h"
#include "unit/support/test_store.h"

namespace vakkaart::testing {

/// The real server on a free port, in a background thread, over a temp database holding the
/// sample framework (profiles werker-a, werker-b) and qualification BK-9999 in two versions,
/// and a curator of the demo organisation whose API token client() sends.
class RunningServer {
 public:
  RunningServer() {
    db_ = testing::test_store_location(dir_.file("api.db"));
    {
      auto store = store::open_store(db_);
      store->put_documents(
          {sample_framework(), sample_qualification(1, true), sample_qualification(2, true)});
      auth::AccountService accounts(*store);
      const auth::Actor actor{"operator", "test"};
      const auto user = accounts.add_user("tester@example.org", "Tester", "", false, actor);
      accounts.set_role(user.email, "demo", auth::Role::curator, actor);
      token_ = accounts.create_token(user, "unit tests", false, "", actor);
    }
    server::ServerOptions options;
    options.db_path = db_;
    options.threads = 4;
    server_ = std::make_unique<server::Server>(options);
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
  /// A client that sends the tester's API token.
  httplib::Client client() const {
    httplib::Client c("127.0.0.1", port_);
    c.set_default_headers({{"Authorization", "Bearer " + token_}});
    return c;
  }
  /// A client that sends no credentials.
  httplib::Client anonymous_client() const { return httplib::Client("127.0.0.1", port_); }
  const std::string& db_path() const { return db_; }
  const server::Server& server() const { return *server_; }

 private:
  TempDir dir_;
  std::string db_;
  std::string token_;
  std::unique_ptr<server::Server> server_;
  int port_ = 0;
  std::thread thread_;
};

}  // namespace vakkaart::testing

#pragma once

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

#include "store/change_feed.h"

namespace vakkaart::store::pg {

/// LISTEN vakkaart_changes on a connection of its own, in a thread: every notification (one
/// per committed write transaction of any server or CLI on the database) and every
/// (re)connection moves the generation on. Reconnects every half second while PostgreSQL is
/// away; meanwhile each generation() is new, so no cache serves what it cannot vouch for.
class PgChangeListener final : public ChangeFeed {
 public:
  explicit PgChangeListener(std::string url);
  ~PgChangeListener() override;
  PgChangeListener(const PgChangeListener&) = delete;
  PgChangeListener& operator=(const PgChangeListener&) = delete;

  std::string generation() override;

 private:
  void listen_loop();

  std::string url_;
  std::atomic<unsigned long long> changes_{0};
  std::atomic<bool> connected_{false};
  std::atomic<bool> stopping_{false};
  std::mutex mutex_;
  std::condition_variable wake_;
  std::thread thread_;
};

}  // namespace vakkaart::store::pg

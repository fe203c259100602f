#include "store/pg/pg_change_listener.h"

#include <pqxx/connection>
#include <pqxx/notification>

#include <chrono>

namespace vakkaart::store::pg {

namespace {

constexpr const char* kChannel = "vakkaart_changes";

class ChangeReceiver final : public pqxx::notification_receiver {
 public:
  ChangeReceiver(pqxx::connection_base& c, std::atomic<unsigned long long>& changes)
      : pqxx::notification_receiver(c, kChannel), changes_(changes) {}
  void operator()(const std::string&, int) override { ++changes_; }

 private:
  std::atomic<unsigned long long>& changes_;
};

}  // namespace

PgChangeListener::PgChangeListener(std::string url) : url_(std::move(url)) {
  thread_ = std::thread([this] { listen_loop(); });
}

PgChangeListener::~PgChangeListener() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

std::string PgChangeListener::generation() {
  if (!connected_.load())
    return "down-" + std::to_string(++changes_);
  return "pg-" + std::to_string(changes_.load());
}

void PgChangeListener::listen_loop() {
  while (!stopping_.load()) {
    try {
      pqxx::connection connection(url_);
      ChangeReceiver receiver(connection, changes_);
      // Whatever was committed while this listener was away is unknown: a new generation.
      ++changes_;
      connected_ = true;
      while (!stopping_.load())
        connection.await_notification(0, 250000);
    } catch (const std::exception&) {
      // PostgreSQL restarted or is unreachable: try again shortly.
    }
    connected_ = false;
    ++changes_;
    std::unique_lock lock(mutex_);
    wake_.wait_for(lock, std::chrono::milliseconds(500), [this] { return stopping_.load(); });
  }
}

}  // namespace vakkaart::store::pg

#pragma once

#include <chrono>
#include <cstddef>
#include <deque>
#include <list>
#include <mutex>
#include <string>
#include <unordered_map>

namespace vakkaart::auth {

/// Counts events per key (a client address, an account) in a sliding window and says when a key
/// has had its share. Memory is bounded: at most `max_keys` keys are tracked (the least recently
/// seen is forgotten first) and at most `limit` times per key. Thread-safe.
class RateLimiter {
 public:
  using Clock = std::chrono::steady_clock;

  RateLimiter(std::size_t limit, std::chrono::seconds window, std::size_t max_keys = 100000)
      : limit_(limit), window_(window), max_keys_(max_keys) {}

  /// Records one event for `key` unless its limit is reached. Returns 0 when allowed, else the
  /// seconds until the key may try again (for Retry-After). A limit of 0 allows everything.
  long long acquire(const std::string& key, Clock::time_point now = Clock::now());
  /// Seconds until `key` may try again without recording anything (0: it may now).
  long long retry_after(const std::string& key, Clock::time_point now = Clock::now());
  /// Forgets `key` (a successful sign-in clears its failures).
  void reset(const std::string& key);

 private:
  struct Slot {
    std::deque<Clock::time_point> times;
    std::list<std::string>::iterator lru;
  };
  long long wait_for(Slot& slot, Clock::time_point now);
  Slot& slot_for(const std::string& key);

  std::size_t limit_;
  Clock::duration window_;
  std::size_t max_keys_;
  std::mutex mutex_;
  std::list<std::string> lru_;  // most recent first
  std::unordered_map<std::string, Slot> slots_;
};

}  // namespace vakkaart::auth

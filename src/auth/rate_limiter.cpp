#include "auth/rate_limiter.h"

namespace vakkaart::auth {

RateLimiter::Slot& RateLimiter::slot_for(const std::string& key) {
  auto it = slots_.find(key);
  if (it != slots_.end()) {
    lru_.splice(lru_.begin(), lru_, it->second.lru);
    return it->second;
  }
  if (slots_.size() >= max_keys_) {
    slots_.erase(lru_.back());
    lru_.pop_back();
  }
  lru_.push_front(key);
  Slot& slot = slots_[key];
  slot.lru = lru_.begin();
  return slot;
}

long long RateLimiter::wait_for(Slot& slot, Clock::time_point now) {
  while (!slot.times.empty() && now - slot.times.front() >= window_)
    slot.times.pop_front();
  if (slot.times.size() < limit_)
    return 0;
  const auto until = slot.times.front() + window_ - now;
  const auto seconds = std::chrono::ceil<std::chrono::seconds>(until).count();
  return seconds < 1 ? 1 : seconds;
}

long long RateLimiter::acquire(const std::string& key, Clock::time_point now) {
  if (limit_ == 0)
    return 0;
  std::lock_guard lock(mutex_);
  Slot& slot = slot_for(key);
  const long long wait = wait_for(slot, now);
  if (wait == 0)
    slot.times.push_back(now);
  return wait;
}

long long RateLimiter::retry_after(const std::string& key, Clock::time_point now) {
  if (limit_ == 0)
    return 0;
  std::lock_guard lock(mutex_);
  auto it = slots_.find(key);
  return it == slots_.end() ? 0 : wait_for(it->second, now);
}

void RateLimiter::reset(const std::string& key) {
  std::lock_guard lock(mutex_);
  auto it = slots_.find(key);
  if (it == slots_.end())
    return;
  lru_.erase(it->second.lru);
  slots_.erase(it);
}

}  // namespace vakkaart::auth

#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <string>

#include "store/store.h"

namespace vakkaart::server {

/// Something derived from a database's whole content (the coverage index of function
/// profiles, the structure index of text analysis), rebuilt only when that content changes, so
/// a request uses it instead of re-reading every profile. One per server (each serves one
/// database), so two databases never share one.
template <typename T>
class ContentCache {
 public:
  using Builder = std::function<std::shared_ptr<const T>(store::Store&)>;
  explicit ContentCache(Builder build) : build_(std::move(build)) {}

  std::shared_ptr<const T> get(store::Store& store) {
    std::string now = store.content_version();
    {
      std::lock_guard lock(mutex_);
      if (value_ && version_ == now)
        return value_;
    }
    auto fresh = build_(store);  // outside the lock: it reads the store
    std::lock_guard lock(mutex_);
    version_ = now;
    value_ = fresh;
    return fresh;
  }

 private:
  Builder build_;
  std::mutex mutex_;
  std::string version_;
  std::shared_ptr<const T> value_;
};

}  // namespace vakkaart::server

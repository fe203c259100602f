#pragma once

#include <memory>
#include <mutex>
#include <string>

#include "compose/coverage.h"
#include "store/store.h"

namespace vakkaart::server {

/// The coverage index of one database, rebuilt only when its content changes, so a coverage
/// request measures one function instead of re-reading every profile. One per server (each
/// serves one database), so two databases never share an index.
class CoverageCache {
 public:
  std::shared_ptr<const compose::CoverageIndex> get(store::Store& store) {
    std::string now = store.content_version();
    {
      std::lock_guard lock(mutex_);
      if (index_ && version_ == now)
        return index_;
    }
    auto fresh = compose::CoverageIndex::build(store);  // outside the lock: it reads the store
    std::lock_guard lock(mutex_);
    version_ = now;
    index_ = fresh;
    return fresh;
  }

 private:
  std::mutex mutex_;
  std::string version_;
  std::shared_ptr<const compose::CoverageIndex> index_;
};

}  // namespace vakkaart::server

#include "auth/passwords.h"

#include <sodium.h>

#include <condition_variable>
#include <mutex>

#include "auth/secrets.h"
#include "core/error.h"

namespace vakkaart::auth {

namespace {

/// At most kMaxConcurrentHashes Argon2id computations at once.
class HashSlots {
 public:
  void acquire() {
    std::unique_lock lock(mutex_);
    free_.wait(lock, [this] { return busy_ < kMaxConcurrentHashes; });
    ++busy_;
  }
  void release() {
    {
      std::lock_guard lock(mutex_);
      --busy_;
    }
    free_.notify_one();
  }

 private:
  std::mutex mutex_;
  std::condition_variable free_;
  int busy_ = 0;
};

HashSlots& slots() {
  static HashSlots s;
  return s;
}

struct SlotGuard {
  SlotGuard() { slots().acquire(); }
  ~SlotGuard() { slots().release(); }
  SlotGuard(const SlotGuard&) = delete;
  SlotGuard& operator=(const SlotGuard&) = delete;
};

/// A hash of a password nobody has, computed once: what an unknown user's sign-in is checked
/// against, so it takes as long as a known user's.
const std::string& decoy_hash() {
  static const std::string hash = [] {
    char out[crypto_pwhash_STRBYTES];
    static const char decoy[] = "decoy password that matches no account";
    if (crypto_pwhash_str(out, decoy, sizeof decoy - 1, crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
      throw Error(ErrorCode::internal, "out of memory while hashing a password");
    return std::string(out);
  }();
  return hash;
}

}  // namespace

std::string hash_password(std::string_view password) {
  init_sodium();
  if (password.size() < kMinPasswordBytes)
    throw Error(ErrorCode::invalid_argument,
                "a password needs at least " + std::to_string(kMinPasswordBytes) + " characters",
                {"", 0, "password"});
  if (password.size() > kMaxPasswordBytes)
    throw Error(ErrorCode::invalid_argument,
                "a password may have at most " + std::to_string(kMaxPasswordBytes) + " bytes",
                {"", 0, "password"});
  SlotGuard slot;
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
    throw Error(ErrorCode::internal, "out of memory while hashing a password");
  return out;
}

bool verify_password(std::string_view password, const std::string& hash) {
  init_sodium();
  // The decoy is made on first use; making it here for every call keeps that one-time cost from
  // telling the first unknown email apart from the first known one.
  const std::string& decoy = decoy_hash();
  const bool usable =
      !hash.empty() && hash.size() < crypto_pwhash_STRBYTES && password.size() <= kMaxPasswordBytes;
  const std::string& against = usable ? hash : decoy;
  const std::string_view tried = password.size() <= kMaxPasswordBytes ? password : "";
  SlotGuard slot;
  const bool match = crypto_pwhash_str_verify(against.c_str(), tried.data(), tried.size()) == 0;
  return usable && match;
}

}  // namespace vakkaart::auth

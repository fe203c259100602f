#include "auth/secrets.h"

#include <sodium.h>

#include "core/error.h"

namespace vakkaart::auth {

void init_sodium() {
  // sodium_init is idempotent and thread-safe; it fails only when no entropy source exists.
  static const bool ready = sodium_init() >= 0;
  if (!ready)
    throw Error(ErrorCode::internal, "libsodium cannot be initialised (no entropy source)");
}

namespace {

constexpr std::size_t kSecretBytes = 32;
constexpr std::size_t kSecretChars = 43;  // base64url of 32 bytes, no padding

}  // namespace

std::string random_secret() {
  init_sodium();
  unsigned char bytes[kSecretBytes];
  randombytes_buf(bytes, sizeof bytes);
  char out[sodium_base64_ENCODED_LEN(kSecretBytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
  sodium_bin2base64(out, sizeof out, bytes, sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  sodium_memzero(bytes, sizeof bytes);
  return out;
}

std::string hash_secret(std::string_view secret) {
  init_sodium();
  unsigned char digest[32];
  crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(secret.data()),
                     secret.size(), nullptr, 0);
  char hex[sizeof digest * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

bool equal_in_constant_time(std::string_view a, std::string_view b) {
  if (a.size() != b.size() || a.empty())
    return false;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

bool well_formed_secret(std::string_view s) {
  if (s.size() != kSecretChars)
    return false;
  for (char c : s)
    if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
          c == '_'))
      return false;
  return true;
}

}  // namespace vakkaart::auth

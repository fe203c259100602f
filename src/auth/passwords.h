#pragma once

#include <string>
#include <string_view>

namespace vakkaart::auth {

// Passwords: Argon2id through libsodium (crypto_pwhash_str, interactive limits: 64 MiB and two
// passes per hash). Hashing costs that memory on purpose, so at most kMaxConcurrentHashes run at
// once (a burst of sign-ins waits instead of taking the server's memory).

inline constexpr int kMaxConcurrentHashes = 4;
inline constexpr std::size_t kMinPasswordBytes = 10;
inline constexpr std::size_t kMaxPasswordBytes = 1024;

/// The Argon2id string of `password`. Error(invalid_argument) when it is shorter than
/// kMinPasswordBytes or longer than kMaxPasswordBytes (field "password").
std::string hash_password(std::string_view password);
/// Whether `password` matches `hash`. An empty or malformed hash matches nothing, but still
/// costs one hash's time, so a caller cannot tell an unknown user by the clock.
bool verify_password(std::string_view password, const std::string& hash);

}  // namespace vakkaart::auth

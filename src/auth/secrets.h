#pragma once

#include <string>
#include <string_view>

namespace vakkaart::auth {

// The random values that stand for a signed-in browser (session id), a script (API token) or a
// click (sign-in link), and how they are kept: only their hash is stored, so a copy of the
// database lets no one in.

/// Initialises libsodium once (Error(internal) when the system has no entropy source).
void init_sodium();
/// 256 random bits from the operating system (libsodium), base64url without padding (43 chars).
std::string random_secret();
/// The BLAKE2b-256 hash of a secret, hex: what the store keeps and looks up. A fast hash is right
/// here (unlike passwords): the secret has 256 bits of entropy, nothing to guess.
std::string hash_secret(std::string_view secret);
/// Compares two strings in time that depends only on their lengths (CSRF tokens).
bool equal_in_constant_time(std::string_view a, std::string_view b);
/// Whether `s` looks like a secret this module made (43 base64url characters): anything else is
/// refused before it reaches the store.
bool well_formed_secret(std::string_view s);

}  // namespace vakkaart::auth

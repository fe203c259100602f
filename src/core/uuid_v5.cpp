#include "core/uuid_v5.h"

#include <array>
#include <cctype>

#include <openssl/evp.h>

#include "core/error.h"

namespace vakkaart {

namespace {

// The value of one hexadecimal digit (either case), or -1.
int uuid_hex_digit(char c) {
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

std::array<unsigned char, 16> uuid_bytes(std::string_view text) {
  if (!is_uuid(text))
    throw Error(ErrorCode::invalid_argument, "not a UUID: '" + std::string(text) + "'");
  std::array<unsigned char, 16> out{};
  size_t n = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '-')
      continue;
    int hi = uuid_hex_digit(text[i]);
    int lo = uuid_hex_digit(text[i + 1]);
    out[n++] = static_cast<unsigned char>(hi * 16 + lo);
    ++i;
  }
  return out;
}

}  // namespace

bool is_uuid(std::string_view text) {
  if (text.size() != 36)
    return false;
  for (size_t i = 0; i < text.size(); ++i) {
    bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash ? text[i] != '-' : uuid_hex_digit(text[i]) < 0)
      return false;
  }
  return true;
}

std::string uuid_v5(std::string_view namespace_uuid, std::string_view name) {
  auto ns = uuid_bytes(namespace_uuid);
  // SHA-1 from OpenSSL's libcrypto (already on the machine for cpp-httplib's TLS) rather than
  // a hand-written one; libsodium has no SHA-1.
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  bool ok = ctx && EVP_DigestInit_ex(ctx, EVP_sha1(), nullptr) == 1 &&
            EVP_DigestUpdate(ctx, ns.data(), ns.size()) == 1 &&
            EVP_DigestUpdate(ctx, name.data(), name.size()) == 1 &&
            EVP_DigestFinal_ex(ctx, digest, &length) == 1;
  EVP_MD_CTX_free(ctx);
  if (!ok || length < 16)
    throw Error(ErrorCode::internal, "SHA-1 failed while deriving a UUID");
  digest[6] = static_cast<unsigned char>((digest[6] & 0x0F) | 0x50);  // version 5
  digest[8] = static_cast<unsigned char>((digest[8] & 0x3F) | 0x80);  // RFC 4122 variant
  static const char* hex = "0123456789abcdef";
  std::string out;
  out.reserve(36);
  for (int i = 0; i < 16; ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10)
      out += '-';
    out += hex[digest[i] >> 4];
    out += hex[digest[i] & 0x0F];
  }
  return out;
}

const std::string& vakkaart_uuid_namespace() {
  static const std::string ns = uuid_v5("6ba7b811-9dad-11d1-80b4-00c04fd430c8", "urn:vakkaart");
  return ns;
}

}  // namespace vakkaart

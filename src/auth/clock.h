#pragma once

#include <chrono>
#include <string>

namespace vakkaart::auth {

/// `t` as ISO 8601 UTC with seconds ("2026-12-05T07:30:00Z"): how times are stored, so that text
/// comparison orders them.
std::string iso_utc(std::chrono::system_clock::time_point t);
inline std::string iso_now() {
  return iso_utc(std::chrono::system_clock::now());
}
/// Now moved by `offset` (negative: in the past).
inline std::string iso_from_now(std::chrono::seconds offset) {
  return iso_utc(std::chrono::system_clock::now() + offset);
}

}  // namespace vakkaart::auth

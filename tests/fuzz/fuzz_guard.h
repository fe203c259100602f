#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/error.h"

namespace vakkaart::fuzz {

/// The bytes libFuzzer hands a target, as the string_view every parser takes.
inline std::string_view fuzz_bytes(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

/// Runs one parse. A vakkaart::Error is how a parser refuses bad input, so it is a normal
/// outcome; any other exception escapes, aborts the run and is reported as a finding.
template <class F>
void fuzz_guarded(F&& parse) {
  try {
    parse();
  } catch (const vakkaart::Error&) {
  }
}

}  // namespace vakkaart::fuzz

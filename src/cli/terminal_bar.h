#pragma once

#include <algorithm>
#include <cmath>
#include <string>

namespace vakkaart::cli {

/// A bar of `width` cells for a percentage (0..100): "█████·····".
inline std::string percent_bar(double percent, int width) {
  const int full = static_cast<int>(std::lround(std::clamp(percent, 0.0, 100.0) / 100.0 * width));
  std::string out;
  for (int i = 0; i < width; ++i)
    out += i < full ? "█" : "·";
  return out;
}

}  // namespace vakkaart::cli

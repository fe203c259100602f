#include "render/svg_util.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "text/text_utils.h"

namespace vakkaart::render {

namespace {

struct Rgb {
  double r, g, b;  // 0..255
};

/// ColorBrewer "Blues": sequential, readable in greyscale and by the common colour-blind.
const Rgb kScale[] = {{247, 251, 255}, {222, 235, 247}, {198, 219, 239},
                      {158, 202, 225}, {107, 174, 214}, {66, 146, 198},
                      {33, 113, 181},  {8, 81, 156},    {8, 48, 107}};
constexpr std::size_t kScaleSize = sizeof kScale / sizeof kScale[0];
/// Pure black and white: at the crossing point of the scale the better of the two still reaches
/// a contrast of 4.58, above WCAG AA's 4.5 for normal text; a softer black would not.
const Rgb kDarkText = {0, 0, 0};
const Rgb kLightText = {255, 255, 255};

Rgb colour_at(double v) {
  const double position = std::clamp(v, 0.0, 1.0) * static_cast<double>(kScaleSize - 1);
  const auto i = std::min(static_cast<std::size_t>(position), kScaleSize - 2);
  const double t = position - static_cast<double>(i);
  const Rgb &a = kScale[i], &b = kScale[i + 1];
  return {a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t};
}

std::string hex(const Rgb& c) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "#%02x%02x%02x", static_cast<int>(std::lround(c.r)),
                static_cast<int>(std::lround(c.g)), static_cast<int>(std::lround(c.b)));
  return buffer;
}

/// WCAG 2 relative luminance.
double luminance(const Rgb& c) {
  auto channel = [](double v) {
    v /= 255.0;
    return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
}

double contrast(const Rgb& a, const Rgb& b) {
  const double la = luminance(a), lb = luminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

/// Whichever of dark or white text reads better on the fill.
const Rgb& text_colour_on(const Rgb& fill) {
  return contrast(fill, kDarkText) >= contrast(fill, kLightText) ? kDarkText : kLightText;
}

}  // namespace

std::string svg_number(double v) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.2f", v);
  return buffer;
}

std::string scale_fill(double v) {
  return hex(colour_at(v));
}

std::string text_on_scale(double v) {
  return hex(text_colour_on(colour_at(v)));
}

/// "0,42" in Dutch, "0.42" in English; attributes always use svg_number's point.
std::string display_number(double v, int decimals, bool english) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, v);
  std::string s = buffer;
  if (!english)
    std::replace(s.begin(), s.end(), '.', ',');
  return s;
}

std::size_t code_points(const std::string& s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

std::string short_label(const std::string& label, std::size_t max_chars) {
  if (code_points(label) <= max_chars)
    return label;
  std::size_t kept = 0, end = 0;
  while (end < label.size()) {
    if ((label[end] & 0xC0) != 0x80 && ++kept > max_chars - 1)
      break;
    ++end;
  }
  return std::string(text::trim(label.substr(0, end))) + "…";
}

}  // namespace vakkaart::render

#include "render/svg_util.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "text/text_utils.h"
#include "text/utf8.h"

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
/// ColorBrewer "PuOr", orange (less often together than chance) through grey-white
/// (independent) to purple (more often): diverging, safe for the common colour-blind.
const Rgb kRatioScale[kScaleSize] = {{179, 88, 6},    {224, 130, 20},  {253, 184, 99},
                                     {254, 224, 182}, {247, 247, 247}, {216, 218, 235},
                                     {178, 171, 210}, {128, 115, 172}, {84, 39, 136}};
/// Pure black and white: at the crossing point of the scale the better of the two still reaches
/// a contrast of 4.58, above WCAG AA's 4.5 for normal text; a softer black would not.
const Rgb kDarkText = {0, 0, 0};
const Rgb kLightText = {255, 255, 255};

Rgb colour_at(double v, const Rgb (&scale)[kScaleSize] = kScale) {
  const double position = std::clamp(v, 0.0, 1.0) * static_cast<double>(kScaleSize - 1);
  const auto i = std::min(static_cast<std::size_t>(position), kScaleSize - 2);
  const double t = position - static_cast<double>(i);
  const Rgb &a = scale[i], &b = scale[i + 1];
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

/// Position of a ratio on the diverging scale: log2, so 1/2 and 2 lie as far from 1; 1/4 and 4
/// are the ends.
Rgb ratio_colour(double ratio) {
  const double l = ratio <= 0 ? -2 : std::clamp(std::log2(ratio), -2.0, 2.0);
  return colour_at((l + 2) / 4, kRatioScale);
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

std::string ratio_fill(double ratio) {
  return hex(ratio_colour(ratio));
}

std::string text_on_ratio(double ratio) {
  return hex(text_colour_on(ratio_colour(ratio)));
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

std::string group_digits(std::uint64_t n, char separator) {
  const std::string digits = std::to_string(n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0)
      out += separator;
    out += digits[i];
  }
  return out;
}

std::size_t code_points(const std::string& s) {
  return text::count_code_points(s);
}

std::string short_label(const std::string& label, std::size_t max_chars) {
  if (code_points(label) <= max_chars)
    return label;
  // Keep max_chars - 1 code points, so the ellipsis brings the label to max_chars.
  std::size_t end = 0;
  for (std::size_t kept = 0; end < label.size() && kept + 1 < max_chars; ++kept)
    end += text::decode_utf8(label, end).length;
  return std::string(text::trim(label.substr(0, end))) + "…";
}

}  // namespace vakkaart::render

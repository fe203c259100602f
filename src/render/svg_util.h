#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace vakkaart::render {

/// A coordinate or length for SVG markup: two decimals, always a '.' (locale-independent), so
/// the same drawing is the same bytes everywhere.
std::string svg_number(double v);

/// Fill of a value in [0, 1] (clamped) on the sequential colour scale that heat maps and
/// coverage charts share (ColorBrewer "Blues"), as "#rrggbb".
std::string scale_fill(double v);
/// Black or white, whichever reads better on scale_fill(v) (WCAG contrast).
std::string text_on_scale(double v);
/// Fill of a ratio (e.g. a lift) on the diverging scale of ratios around 1 (ColorBrewer "PuOr",
/// log2 from 1/4 to 4, clamped; 0 and below at the low end), as "#rrggbb".
std::string ratio_fill(double ratio);
/// Black or white, whichever reads better on ratio_fill(ratio) (WCAG contrast).
std::string text_on_ratio(double ratio);
/// "0,42" in Dutch, "0.42" in English; attributes always use svg_number's point.
std::string display_number(double v, int decimals, bool english);
/// n with its digits in groups of three: "12.345" with '.' (Dutch), "12,345" with ','.
std::string group_digits(std::uint64_t n, char separator);
/// Number of UTF-8 code points.
std::size_t code_points(const std::string& s);
/// The label cut to max_chars code points, with an ellipsis when cut.
std::string short_label(const std::string& label, std::size_t max_chars);

}  // namespace vakkaart::render

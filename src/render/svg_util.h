#pragma once

#include <string>

namespace vakkaart::render {

/// A coordinate or length for SVG markup: two decimals, always a '.' (locale-independent), so
/// the same drawing is the same bytes everywhere.
std::string svg_number(double v);

}  // namespace vakkaart::render

#include "render/svg_util.h"

#include <cstdio>

namespace vakkaart::render {

std::string svg_number(double v) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.2f", v);
  return buffer;
}

}  // namespace vakkaart::render

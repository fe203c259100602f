#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace vakkaart::render {

/// One bar of a bar chart.
struct Bar {
  std::string label;
  double value = 0;        // its length, relative to BarChartOptions::max_value
  std::string value_text;  // printed after the bar, e.g. "1.234 (12,3 %)"
  std::string tooltip;     // the bar's <title>; "label: value_text" when empty
};

struct BarChartOptions {
  std::string caption;  // accessible name and <title> of the chart
  std::string css_class = "bar-chart";
  double max_value = 0;  // the value of a full-width bar; 0 means the largest value
  int width = 720;       // px
  int bar_height = 20;   // px; rows are 6 px further apart
  std::string fill = "#2171b5";
  std::size_t max_label_chars = 36;  // longer labels are cut (the tooltip keeps them whole)
};

/// Horizontal bars, one per row in the given order, labels on the left and each value printed
/// after its bar, as an accessible SVG: role="img" with the caption as aria-label and <title>,
/// a <desc> listing every label and value (what a screen reader reads), and a <title> tooltip
/// per bar. Throws Error(invalid_argument) for a negative or non-finite value.
std::string bar_chart_svg(const std::vector<Bar>& bars, const BarChartOptions& options = {});

}  // namespace vakkaart::render

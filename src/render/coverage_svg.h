#pragma once

#include <string>
#include <vector>

namespace vakkaart::render {

/// One column of a coverage chart: a cluster of the ring model.
struct CoverageColumn {
  std::string id;
  std::string title;
  std::string layer_title;  // columns of one layer sit under one band
  // The language of each text when it is not the chart's (a Dutch source title on an English
  // chart): its <text> carries lang, so a screen reader reads it as written. Empty: the chart's.
  std::string title_lang;
  std::string layer_lang;
};

/// One row: a profile, how much of the function it explains, and how much of each of its
/// clusters the function holds.
struct CoverageRow {
  std::string id;
  std::string label;
  std::string link;           // may be empty
  double resemblance = 0;     // % of the function's statements the profile holds
  std::vector<double> cells;  // % per column
  std::string label_lang;     // as CoverageColumn::title_lang
};

struct CoverageChartOptions {
  std::string caption;
  std::string lang = "nl";
};

/// The coverage of a function as an accessible SVG: per profile a bar of its resemblance and a
/// row of cells, one per cluster (grouped under their layer), coloured by the share of the
/// profile's cluster the function holds, with the number printed and a <title> per cell.
/// Throws Error(invalid_argument) when a row has another number of cells than columns.
std::string coverage_svg(const std::vector<CoverageColumn>& columns,
                         const std::vector<CoverageRow>& rows, const CoverageChartOptions& options);

}  // namespace vakkaart::render

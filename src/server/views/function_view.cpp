#include "server/views/function_view.h"

#include "compose/compose_json.h"
#include "compose/coverage.h"
#include "compose/function_service.h"
#include "compose/source_changes.h"
#include "compose/validation.h"
#include "exports/function_json.h"
#include "render/coverage_svg.h"
#include "server/views/label_view.h"

namespace vakkaart::server {

using vakkaart::Json;

Json function_list_json(store::Store& store, const std::optional<std::string>& scope) {
  return {{"functions",
           compose::function_summaries_json(compose::FunctionService(store, scope).list())}};
}

Json function_coverage_json(const compose::CoverageIndex& index,
                            const model::FunctionProfile& function) {
  return compose::coverage_to_json(index.measure(function));
}

std::string function_coverage_svg(const compose::CoverageIndex& index,
                                  const model::FunctionProfile& function, const std::string& lang) {
  auto coverage = index.measure(function);
  const bool english = lang == "en";
  std::vector<render::CoverageColumn> columns;
  std::vector<render::CoverageRow> rows;
  // Columns from the function's own framework; profiles of other frameworks have other
  // clusters and are left out of the chart (the JSON has them).
  for (const auto& p : coverage.profiles) {
    if (p.framework_id != function.framework_id)
      continue;
    if (columns.empty())
      for (const auto& c : p.clusters) {
        // The ring's name as the profile page shows it ("Core activities" on an English
        // page); cluster titles are the source's Dutch.
        model::ShownText layer{"", "nl"};
        for (const auto& l : p.layers)
          if (l.id == c.layer_id)
            layer = shown_layer_title(model::Layer{l.id, l.title}, {lang, lang});
        columns.push_back({c.id, c.title, layer.text, "nl", layer.lang});
      }
    render::CoverageRow row;
    row.id = p.profile_id;
    row.label = p.title;
    row.label_lang = "nl";
    row.link = "/profiles/" + p.profile_id + (english ? "?lang=en" : "");
    row.resemblance = p.resemblance;
    for (const auto& c : p.clusters)
      row.cells.push_back(c.percent);
    rows.push_back(std::move(row));
  }
  render::CoverageChartOptions options;
  options.lang = lang;
  options.caption = english
                        ? "Which profiles the function \"" + function.title + "\" resembles"
                        : "Op welke beroepsprofielen de functie \"" + function.title + "\" lijkt";
  return render::coverage_svg(columns, rows, options);
}

}  // namespace vakkaart::server

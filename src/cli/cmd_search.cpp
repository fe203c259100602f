#include <iostream>

#include "cli/commands.h"
#include "cli/progress.h"
#include "core/error.h"
#include "search/search_service.h"

namespace vakkaart::cli {
namespace {

/// The statement with its matched words in bold (on a terminal) or between *stars* (elsewhere).
std::string highlighted(const search::SearchHit& hit, const Style& style) {
  std::string out;
  std::size_t at = 0;
  for (const auto& [begin, end] : hit.highlights) {
    out += hit.text.substr(at, begin - at);
    const std::string word = hit.text.substr(begin, end - begin);
    out += style.on ? style.bold(style.accent(word)) : "*" + word + "*";
    at = end;
  }
  return out + hit.text.substr(at);
}

}  // namespace

void add_search_command(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand(
      "search", "Search every statement (Dutch analyzer: stems, compounds, synonyms, typos)");
  static std::vector<std::string> words;
  static std::size_t limit = 10;
  static std::vector<std::string> filters;
  static bool as_json = false;
  cmd->add_option("query", words,
                  "Words, \"phrases\", prefix*, AND/OR/NOT, filters such as profiel:campagnewerker "
                  "bk:BK-0338 niveau:5 cluster:adviseren")
      ->required();
  cmd->add_option("--limit", limit, "Number of results (default 10)")->check(CLI::Range(1, 1000));
  cmd->add_option("--filter", filters, "Filter k=v (profile, cluster, bk, level, kind, ...)");
  cmd->add_flag("--json", as_json, "Print the result as JSON");
  cmd->callback([&ctx] {
    search::SearchRequest request;
    for (const auto& w : words)
      request.query += (request.query.empty() ? "" : " ") + w;
    request.limit = limit;
    for (const auto& f : filters) {
      const auto eq = f.find('=');
      if (eq == std::string::npos || eq == 0) {
        throw Error(ErrorCode::invalid_argument, "--filter takes key=value, got '" + f + "'");
      }
      request.filters.emplace_back(f.substr(0, eq), f.substr(eq + 1));
    }
    auto store = ctx.open_store(store::OpenMode::read_only);
    auto searcher = search::open_fresh_index(*store, search::index_dir_for(ctx.db_path),
                                             index_progress(ctx.stderr_tty));
    const auto response = searcher->search(request);
    if (as_json) {
      std::cout << search::search_response_to_json(response);
      return;
    }
    const Style style{ctx.color};
    for (const auto& note : response.notes)
      std::cout << style.warn("note: " + note) << "\n";
    if (response.suggestion) {
      std::cout << "did you mean: " << style.bold(*response.suggestion) << "\n";
    }
    for (const auto& word : response.unmatched)
      std::cout << style.warn("no statement contains: " + word) << "\n";
    // "1 statement matches", "about 120 statements match" (only an estimate says "about").
    const std::string count = (response.total_exact ? "" : "about ") +
                              std::to_string(response.total) +
                              (response.total == 1 ? " statement matches" : " statements match");
    std::cout << style.dim(count) << "\n";
    int n = 0;
    for (const auto& hit : response.results) {
      std::cout << "\n" << ++n << ". " << highlighted(hit, style) << "\n";
      for (const auto& place : hit.places) {
        std::cout << "   " << style.dim("↳ " + place.path) << "\n";
      }
    }
  });
}

}  // namespace vakkaart::cli

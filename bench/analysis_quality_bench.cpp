// Scores the analysis on the labelled evaluation set (tests/data/vacancies): top-1 and top-2
// accuracy, "none" texts recognised, cluster recall and precision, and the texts it gets wrong.
// bench/analysis_quality runs it beside the scikit-learn TF-IDF baseline on the same set.
//
// Usage: analysis_quality_bench [SET_DIR] [--json] [setting=value ...]
//   settings: min_match, covered, segment_length_weight, unknown_word_weight, min_evidence,
//   keyword_weight
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>

#include "analysis/evaluation.h"
#include "catalog/import_service.h"
#include "core/json.h"
#include "store/store.h"
#include "unit/support/bundled_sources.h"

namespace {

void apply_setting(vakkaart::analysis::MatchSettings& s, const std::string& arg) {
  auto eq = arg.find('=');
  if (eq == std::string::npos)
    throw std::runtime_error("settings are key=value, got " + arg);
  const std::string key = arg.substr(0, eq);
  const double value = std::stod(arg.substr(eq + 1));
  if (key == "min_match")
    s.min_match = value;
  else if (key == "covered")
    s.covered = value;
  else if (key == "segment_length_weight")
    s.segment_length_weight = value;
  else if (key == "unknown_word_weight")
    s.unknown_word_weight = value;
  else if (key == "min_evidence")
    s.min_evidence = value;
  else if (key == "keyword_weight")
    s.keyword_weight = value;
  else if (key == "clauses")
    s.clauses = value != 0;
  else
    throw std::runtime_error("unknown setting " + key);
}

}  // namespace

int main(int argc, char** argv) {
  using namespace vakkaart;
  std::string dir = std::string(VAKKAART_TESTS_DIR) + "/data/vacancies";
  bool as_json = false;
  analysis::MatchSettings settings;
  try {
    for (int i = 1; i < argc; ++i) {
      std::string arg = argv[i];
      if (arg == "--json")
        as_json = true;
      else if (arg.find('=') != std::string::npos)
        apply_setting(settings, arg);
      else
        dir = arg;
    }
    const auto db = std::filesystem::temp_directory_path() /
                    ("vakkaart-quality-" + std::to_string(::getpid()) + ".db");
    auto store = store::open_sqlite_store(db.string());
    testing::import_bundled_sources(*store);
    analysis::Matcher matcher(analysis::StructureIndex::build(*store), settings);
    store.reset();
    std::filesystem::remove(db);
    std::filesystem::remove(db.string() + "-wal");
    std::filesystem::remove(db.string() + "-shm");

    const auto set = analysis::read_labelled_set(dir);
    const auto scores = analysis::evaluate(matcher, set);
    if (as_json) {
      vakkaart::Json j = {{"system", "vakkaart"},
                          {"texts", scores.texts},
                          {"top1", scores.top1},
                          {"top2", scores.top2},
                          {"none_texts", scores.none_texts},
                          {"none_recognised", scores.none_recognised},
                          {"false_none", scores.false_none},
                          {"cluster_recall", scores.cluster_recall},
                          {"cluster_precision", scores.cluster_precision},
                          {"misses", scores.misses}};
      std::cout << j.dump() << "\n";
      return 0;
    }
    std::printf(
        "texts %d  top-1 %.3f  top-2 %.3f  none %d/%d  false none %d  clusters R %.2f P %.2f\n",
        scores.texts, scores.top1, scores.top2, scores.none_recognised, scores.none_texts,
        scores.false_none, scores.cluster_recall, scores.cluster_precision);
    for (const auto& m : scores.misses)
      std::printf("  miss %s\n", m.c_str());
  } catch (const std::exception& e) {
    std::cerr << "analysis_quality_bench: " << e.what() << "\n";
    return 1;
  }
  return 0;
}

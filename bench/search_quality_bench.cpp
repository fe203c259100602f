// Search quality, side by side: vakkaart, SQLite FTS5 (unicode61, remove_diacritics) and Xapian
// with only its Dutch stemmer, on the bundled sources: the two tuning sets
// (tests/search/judgements.tsv and the HR-phrased tests/search/judgements-hr.tsv) and the
// held-out one (tests/data/search-judgements-heldout.tsv).
// Prints recall@10 and nDCG@10 per system. With --pool FILE it also writes, per query, the
// top 10 of every system (the pool from which unjudged results can be judged fairly).
// With --detail it prints vakkaart's per-query misses, for the tuning sets only: looking at
// the held-out set's misses would turn it into a tuning set.

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>

#include "catalog/import_service.h"
#include "search/judgements.h"
#include "search/search_service.h"
#include "search_peers.h"
#include "store/store.h"

namespace fs = std::filesystem;
using namespace vakkaart;

int main(int argc, char** argv) {
  std::string pool_path;
  bool detail = false;
  for (int i = 1; i < argc; ++i) {
    if (std::string(argv[i]) == "--pool" && i + 1 < argc)
      pool_path = argv[++i];
    else if (std::string(argv[i]) == "--detail")
      detail = true;
  }
  const fs::path dir = fs::temp_directory_path() / ("vakkaart-quality-" + std::to_string(getpid()));
  fs::create_directories(dir);
  const std::string sources = VAKKAART_SOURCES_DIR;
  auto store = store::open_sqlite_store((dir / "q.db").string());
  catalog::import_files(*store,
                        {sources + "/sociare-beroepenstructuur-2016.txt",
                         sources + "/BK-0338-3-syndicaal-deskundige.txt"},
                        std::nullopt, {});
  const auto statements = search::group_occurrences(store->statement_occurrences());
  std::map<int64_t, const search::IndexedStatement*> by_id;
  for (const auto& s : statements)
    by_id[s.id] = &s;

  auto searcher = search::open_fresh_index(*store, (dir / "q.db.search").string());
  bench::Fts5Peer fts5((dir / "fts5.db").string());
  fts5.begin();
  for (const auto& s : statements)
    fts5.add(s.id, s.text);
  fts5.commit();
  bench::PlainXapianPeer plain((dir / "plain.xapian").string());
  for (const auto& s : statements)
    plain.add(s);
  plain.commit();

  auto texts_of = [&](const std::vector<int64_t>& ids) {
    std::vector<std::string> texts;
    for (auto id : ids)
      texts.push_back(by_id.at(id)->text);
    return texts;
  };
  // The tuning set was written while tuning; the held-out set was frozen before any further
  // tuning and is only ever reported, never tuned on. Both are printed so the gap shows.
  struct JudgedSet {
    std::string name, relative;
    bool tuning;  // only tuning sets may show per-query misses
  };
  const std::vector<JudgedSet> sets = {{"tuning", "/search/judgements.tsv", true},
                                       {"HR tuning", "/search/judgements-hr.tsv", true},
                                       {"held-out", "/data/search-judgements-heldout.tsv", false}};
  std::map<std::string, int> known_texts;
  for (const auto& s : statements)
    known_texts[s.text] = 1;
  nlohmann::ordered_json pool = nlohmann::ordered_json::array();
  for (const auto& [set_name, relative, tuning] : sets) {
    const auto judged = testing::load_judgements(std::string(VAKKAART_TESTS_DIR) + relative);
    struct Totals {
      double recall = 0, ndcg = 0;
    };
    std::map<std::string, Totals> totals;
    for (const auto& j : judged) {
      const auto parsed = search::parse_query(j.query);
      std::map<std::string, std::vector<std::string>> results;
      {
        search::SearchRequest request;
        request.query = j.query;
        for (const auto& hit : searcher->search(request).results) {
          results["vakkaart"].push_back(hit.text);
        }
      }
      results["sqlite-fts5"] =
          texts_of(fts5.search(bench::Fts5Peer::to_fts5(parsed), 10, [&](int64_t id) {
            return bench::passes_filters(*by_id.at(id), parsed);
          }));
      results["xapian-plain"] = texts_of(plain.search(parsed, 10));
      nlohmann::ordered_json entry = {{"set", set_name}, {"query", j.query}};
      for (const auto& [system, texts] : results) {
        totals[system].recall += testing::recall_at(j, texts, 10);
        totals[system].ndcg += testing::ndcg_at(j, texts, 10);
        entry[system] = texts;
      }
      if (detail && tuning) {
        const auto& got = results["vakkaart"];
        const std::size_t top = std::min<std::size_t>(10, got.size());
        for (const auto& [text, grade] : j.grades) {
          if (grade < testing::kRelevantGrade)
            continue;
          if (std::find(got.begin(), got.begin() + static_cast<std::ptrdiff_t>(top), text) ==
              got.begin() + static_cast<std::ptrdiff_t>(top)) {
            std::printf("  miss [%s] %s -> (%d) %s%s\n", set_name.c_str(), j.query.c_str(), grade,
                        text.c_str(), known_texts.count(text) ? "" : "  [NOT A STATEMENT]");
          }
        }
      }
      pool.push_back(entry);
    }
    const double n = static_cast<double>(judged.size());
    std::printf("search quality, %s set: %zu judged queries (tests%s)\n", set_name.c_str(),
                judged.size(), relative.c_str());
    std::printf("  %-14s %10s %10s\n", "system", "recall@10", "nDCG@10");
    for (const auto* system : {"vakkaart", "sqlite-fts5", "xapian-plain"}) {
      std::printf("  %-14s %10.3f %10.3f\n", system, totals[system].recall / n,
                  totals[system].ndcg / n);
    }
  }
  fts5.finalize();
  if (!pool_path.empty())
    std::ofstream(pool_path) << pool.dump(1) << "\n";
  searcher.reset();
  store.reset();
  fs::remove_all(dir);
  return 0;
}

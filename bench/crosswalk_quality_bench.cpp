// Scores the crosswalk from qualification competences to clusters of the ring model on the
// judged set (tests/data/crosswalk-judgements.tsv, frozen before any tuning): top-1 and top-3
// accuracy of two methods side by side, on the tuning part (BK-0338-3, the only qualification
// the cluster ranking's weights and floor were chosen on) and the held-out part (BK-9901-1 and
// BK-9902-1).
//   main-activity-first  the cluster of each competence's best-scored alignment to a main
//                        activity (compute_alignments, what the crosswalk page listed so far)
//   cluster-first        rank_competence_clusters (ClusterVocabulary)
// A competence judged "none" counts as right when the method suggests no cluster at all.
//
// Usage: crosswalk_quality_bench [--misses] [--floor X] [--judgements FILE]
//   --misses prints the tuning part's competences with what cluster-first ranked; never the
//   held-out part's, so nobody tunes on them by accident.
//   --judgements scores against another judgement of the same competences (the second judge's
//   tests/data/crosswalk-judgements-second-judge.tsv), reported beside the frozen one.
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "analysis/cluster_ranking.h"
#include "analysis/crosswalk.h"
#include "catalog/import_service.h"
#include "store/store.h"
#include "unit/support/bundled_sources.h"

namespace {

struct Judgement {
  std::string qualification;
  int competence = 0;
  std::set<std::string> acceptable;  // empty: "none"
};

std::vector<Judgement> read_judgements(const std::string& path) {
  std::ifstream in(path);
  if (!in)
    throw std::runtime_error("cannot read " + path);
  std::vector<Judgement> out;
  std::string line;
  bool header = true;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#')
      continue;
    if (header) {
      header = false;
      continue;
    }
    std::vector<std::string> cols;
    std::stringstream ss(line);
    for (std::string c; std::getline(ss, c, '\t');)
      cols.push_back(c);
    if (cols.size() < 3)
      throw std::runtime_error(path + ": a line without three columns: " + line);
    Judgement j{cols[0], std::stoi(cols[1]), {}};
    std::stringstream cs(cols[2]);
    for (std::string c; std::getline(cs, c, ',');)
      if (c != "none")
        j.acceptable.insert(c);
    out.push_back(std::move(j));
  }
  return out;
}

struct Tally {
  int n = 0, top1 = 0, top3 = 0;
  void add(const Judgement& j, const std::vector<std::string>& ranked) {
    ++n;
    if (j.acceptable.empty()) {
      top1 += ranked.empty();
      top3 += ranked.empty();
      return;
    }
    for (std::size_t k = 0; k < ranked.size() && k < 3; ++k)
      if (j.acceptable.count(ranked[k])) {
        top1 += k == 0;
        ++top3;
        break;
      }
  }
};

}  // namespace

int main(int argc, char** argv) {
  using namespace vakkaart;
  bool show_misses = false;
  std::string judgements_path;
  analysis::ClusterRankSettings settings;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--misses")
      show_misses = true;
    else if (arg == "--floor" && i + 1 < argc)
      settings.floor = std::stod(argv[++i]);
    else if (arg == "--judgements" && i + 1 < argc)
      judgements_path = argv[++i];
  }
  try {
    const std::string tests = VAKKAART_TESTS_DIR;
    if (judgements_path.empty())
      judgements_path = tests + "/data/crosswalk-judgements.tsv";
    const auto judgements = read_judgements(judgements_path);
    const auto db = std::filesystem::temp_directory_path() /
                    ("vakkaart-crosswalk-quality-" + std::to_string(::getpid()) + ".db");
    auto store = store::open_sqlite_store(db.string());
    testing::import_bundled_sources(*store);
    std::vector<std::string> authored;
    for (const auto& e : std::filesystem::directory_iterator(tests + "/data/crosswalk"))
      if (e.path().extension() == ".txt")
        authored.push_back(e.path().string());
    catalog::import_files(*store, authored, std::nullopt, {});
    analysis::Matcher matcher(analysis::StructureIndex::build(*store),
                              analysis::crosswalk_match_settings());
    store.reset();
    for (const char* suffix : {"", "-wal", "-shm"})
      std::filesystem::remove(db.string() + suffix);
    const auto& index = matcher.index();

    // ref "BK-0338-3:5" -> clusters ranked by each method.
    std::map<std::string, std::vector<std::string>> by_activity, by_cluster;
    for (const auto& a : analysis::compute_alignments(matcher)) {
      if (a.source_kind != "competence")
        continue;
      auto& ranked = by_activity[a.source_ref];
      // The target's cluster id: find the group by ref.
      for (const auto& g : index.groups())
        if (g.ref == a.target_ref && g.cluster >= 0) {
          const auto& id = index.clusters()[static_cast<std::size_t>(g.cluster)].id;
          if (std::find(ranked.begin(), ranked.end(), id) == ranked.end())
            ranked.push_back(id);
        }
    }
    for (const auto& cc : analysis::rank_competence_clusters(index, settings)) {
      auto& ranked = by_cluster[index.groups()[cc.group].ref];
      for (const auto& s : cc.clusters)
        ranked.push_back(index.clusters()[s.cluster].id);
    }

    std::map<std::string, std::map<std::string, Tally>> tallies;  // part -> method -> tally
    for (const auto& j : judgements) {
      const std::string ref = j.qualification + ":" + std::to_string(j.competence);
      const std::string part = j.qualification == "BK-0338-3" ? "tuning" : "held-out";
      for (const auto& [method, ranked] : {std::pair{"main-activity-first", by_activity[ref]},
                                           std::pair{"cluster-first", by_cluster[ref]}}) {
        tallies[part][method].add(j, ranked);
        tallies["all"][method].add(j, ranked);
        // Only the tuning part's misses are ever printed: the held-out part is for reporting.
        if (show_misses && part == "tuning" && method == std::string("cluster-first")) {
          std::string got;
          for (const auto& c : ranked)
            got += (got.empty() ? "" : ", ") + c;
          std::string want;
          for (const auto& c : j.acceptable)
            want += (want.empty() ? "" : ", ") + c;
          std::printf("  %-14s want {%s} got [%s]\n", ref.c_str(),
                      want.empty() ? "none" : want.c_str(), got.c_str());
        }
      }
    }
    std::printf("crosswalk competence -> cluster, judged set %s (%zu competences), floor %.3f\n",
                std::filesystem::path(judgements_path).filename().c_str(), judgements.size(),
                settings.floor);
    std::printf("  %-9s %-20s %4s %7s %7s\n", "part", "method", "n", "top-1", "top-3");
    for (const char* part : {"tuning", "held-out", "all"})
      for (const char* method : {"main-activity-first", "cluster-first"}) {
        const auto& t = tallies[part][method];
        std::printf("  %-9s %-20s %4d %7.3f %7.3f\n", part, method, t.n,
                    t.n ? static_cast<double>(t.top1) / t.n : 0.0,
                    t.n ? static_cast<double>(t.top3) / t.n : 0.0);
      }
  } catch (const std::exception& e) {
    std::cerr << "crosswalk_quality_bench: " << e.what() << "\n";
    return 1;
  }
  return 0;
}

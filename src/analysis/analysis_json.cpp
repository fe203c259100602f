#include "analysis/analysis_json.h"

#include <cmath>

namespace vakkaart::analysis {

namespace {

double round_to(double v, double scale) {
  return std::round(v * scale) / scale;
}

vakkaart::Json part_json(const PartResult& p) {
  return {{"coverage", round_to(p.percent, 10)},
          {"matched", p.matched},
          {"total", p.total},
          {"evidence", round_to(p.evidence, 1000)}};
}

vakkaart::Json group_json(std::uint32_t g, const StructureIndex& index) {
  const auto& group = index.groups()[g];
  vakkaart::Json j = {{"ref", group.ref}, {"position", group.position}, {"title", group.title}};
  if (group.cluster >= 0)
    j["cluster"] = index.clusters()[static_cast<std::size_t>(group.cluster)].id;
  return j;
}

vakkaart::Json candidate_json(const CandidateResult& r, const StructureIndex& index) {
  const auto& cand = index.candidates()[r.candidate];
  bool profile = cand.kind == Candidate::Kind::profile;
  vakkaart::Json j = {{"id", cand.id},
                      {"kind", profile ? "profile" : "qualification"},
                      {"title", cand.title},
                      {"confidence", round_to(r.confidence, 1000)},
                      {"coverage", round_to(r.coverage, 10)},
                      {"score", round_to(r.score, 1000)},
                      {"keyword_score", round_to(r.keyword_score, 1000)},
                      {"keywords", r.keywords},
                      {"matched", r.matched},
                      {"total", r.total}};
  if (profile) {
    j["framework"] = cand.framework_id;
    const auto& fw = index.frameworks()[cand.framework];
    auto rings = vakkaart::Json::array();
    for (const auto& l : r.layers) {
      auto part = part_json(l);
      part["id"] = fw.layers[l.index].id;
      part["title"] = fw.layers[l.index].title;
      rings.push_back(std::move(part));
    }
    j["rings"] = std::move(rings);
    auto clusters = vakkaart::Json::array();
    for (const auto& c : r.clusters) {
      auto part = part_json(c);
      part["id"] = index.clusters()[c.index].id;
      part["title"] = index.clusters()[c.index].title;
      part["ring"] = index.clusters()[c.index].layer_id;
      clusters.push_back(std::move(part));
    }
    j["clusters"] = std::move(clusters);
  }
  auto groups = vakkaart::Json::array();
  for (const auto& g : r.groups) {
    auto part = part_json(g);
    part.update(group_json(g.index, index));
    groups.push_back(std::move(part));
  }
  j[profile ? "main_activities" : "competences"] = std::move(groups);
  return j;
}

}  // namespace

vakkaart::Json unit_places_json(const Unit& unit, const StructureIndex& index) {
  auto places = vakkaart::Json::array();
  for (const auto& place : unit.places) {
    const auto& cand = index.candidates()[place.candidate];
    bool profile = cand.kind == Candidate::Kind::profile;
    vakkaart::Json j;
    if (place.group >= 0)
      j = group_json(static_cast<std::uint32_t>(place.group), index);
    else
      j["ref"] = cand.id;
    j[profile ? "profile" : "qualification"] = cand.id;
    places.push_back(std::move(j));
  }
  return places;
}

vakkaart::Json analysis_to_json(const AnalysisResult& result, const StructureIndex& index) {
  vakkaart::Json j;
  j["best"] = result.best;
  if (result.best_candidate >= 0) {
    const auto& best = index.candidates()[static_cast<std::size_t>(result.best_candidate)];
    j["best_kind"] = best.kind == Candidate::Kind::profile ? "profile" : "qualification";
    j["best_title"] = best.title;
  } else {
    j["best_kind"] = "none";
    j["best_title"] = nullptr;
  }
  j["fit"] = round_to(result.fit, 1000);
  j["segment_count"] = result.segment_count;
  j["matched_segments"] = result.matched_segments;
  auto profiles = vakkaart::Json::array();
  for (const auto& c : result.candidates)
    profiles.push_back(candidate_json(c, index));
  j["profiles"] = std::move(profiles);
  auto clusters = vakkaart::Json::array();
  for (const auto& c : result.clusters) {
    const auto& info = index.clusters()[c.index];
    clusters.push_back({{"id", info.id},
                        {"title", info.title},
                        {"ring", info.layer_id},
                        {"segments", c.matched},
                        {"evidence", round_to(c.evidence, 1000)}});
  }
  j["clusters"] = std::move(clusters);
  auto missing = vakkaart::Json::array();
  for (auto g : result.missing_core)
    missing.push_back(group_json(g, index));
  j["missing_core"] = std::move(missing);
  auto segments = vakkaart::Json::array();
  for (const auto& s : result.segments) {
    auto matches = vakkaart::Json::array();
    for (const auto& m : s.matches) {
      const auto& unit = index.units()[m.unit];
      matches.push_back({{"statement", unit.text},
                         {"kind", unit.kind},
                         {"score", round_to(m.score, 1000)},
                         {"words", m.words},
                         {"counts", m.counts},
                         {"places", unit_places_json(unit, index)}});
    }
    segments.push_back({{"text", s.text},
                        {"begin", s.begin},
                        {"end", s.end},
                        {"line", s.line},
                        {"bullet", s.bullet},
                        {"heading", s.heading},
                        {"matches", std::move(matches)}});
  }
  j["segments"] = std::move(segments);
  return j;
}

}  // namespace vakkaart::analysis

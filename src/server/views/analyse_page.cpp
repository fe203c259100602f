// The analysis page: paste or upload a job text and see what of the structure it covers. The
// form posts to the same URL, so the page works without JavaScript; the result is rendered on
// the server from the same AnalysisResult as POST /api/analyse.
#include <cmath>
#include <map>
#include <set>

#include "analysis/matcher.h"
#include "analysis/word_terms.h"
#include "render/ring_svg.h"
#include "server/analyse_request.h"
#include "server/views/page_views.h"
#include "server/web/ui_texts.h"
#include "text/text_utils.h"

namespace vakkaart::server {

namespace {

using vakkaart::Json;

std::string group_url(const analysis::StructureIndex& index, std::int32_t group,
                      std::uint32_t candidate, const std::string& lang) {
  const auto& cand = index.candidates()[candidate];
  if (cand.kind == analysis::Candidate::Kind::qualification) {
    std::string url = page_url("/qualifications/" + cand.id, {}, lang);
    if (group >= 0)
      url +=
          "#competence-" + std::to_string(index.groups()[static_cast<std::size_t>(group)].position);
    return url;
  }
  if (group < 0)
    return page_url("/profiles/" + cand.id, {}, lang);
  const auto& g = index.groups()[static_cast<std::size_t>(group)];
  const auto& cluster = index.clusters()[static_cast<std::size_t>(g.cluster)].id;
  return page_url("/profiles/" + cand.id, {{"cluster", cluster}}, lang) + "#" + cluster + "-" +
         std::to_string(g.position);
}

std::string percent_text(double v) {
  return std::to_string(static_cast<int>(std::lround(v))) + "%";
}

/// The segment as HTML with the words that made a match marked.
std::string marked_segment(const analysis::SegmentResult& s) {
  std::set<std::string> words;
  for (const auto& m : s.matches)
    words.insert(m.words.begin(), m.words.end());
  std::string out;
  std::size_t at = 0;
  analysis::split_words(s.text, [&](std::string_view word, std::size_t begin) {
    if (!words.count(std::string(word)))
      return;
    out += text::escape_markup(s.text.substr(at, begin - at));
    out += "<mark>" + text::escape_markup(word) + "</mark>";
    at = begin + word.size();
  });
  return out + text::escape_markup(s.text.substr(at));
}

Json result_view(const analysis::AnalysisResult& result, const analysis::StructureIndex& index,
                 const std::string& lang, const Json& t) {
  const auto& candidates = index.candidates();
  Json view;
  view["fit"] = percent_text(result.fit * 100);
  view["segment_count"] = result.segment_count;
  view["matched_segments"] = result.matched_segments;
  view["recognised"] = result.best_candidate >= 0;
  if (result.best_candidate >= 0) {
    const auto& top = result.candidates.front();
    const auto& best = candidates[top.candidate];
    view["best"] = {{"id", best.id},
                    {"title", best.title},
                    {"url", group_url(index, -1, top.candidate, lang)},
                    {"confidence", percent_text(top.confidence * 100)},
                    {"coverage", percent_text(top.coverage)},
                    // The headline counts what the coverage figure counts (docs/analysis.md).
                    {"matched", top.matched},
                    {"total", top.total},
                    {"one_matched", top.matched == 1},
                    {"qualification", best.kind == analysis::Candidate::Kind::qualification}};
  }

  Json profiles = Json::array();
  std::int64_t ring_candidate = -1;
  for (std::size_t k = 0; k < result.candidates.size(); ++k) {
    const auto& r = result.candidates[k];
    const auto& c = candidates[r.candidate];
    bool profile = c.kind == analysis::Candidate::Kind::profile;
    if (profile && ring_candidate < 0 && r.score > 0)
      ring_candidate = static_cast<std::int64_t>(k);
    profiles.push_back(
        {{"rank", k + 1},
         {"id", c.id},
         {"title", c.title},
         {"url", group_url(index, -1, r.candidate, lang)},
         {"kind", profile ? t["analyse"]["kind_profile"] : t["analyse"]["kind_qualification"]},
         {"confidence", percent_text(r.confidence * 100)},
         {"confidence_width", static_cast<int>(std::lround(r.confidence * 100))},
         {"coverage", percent_text(r.coverage)}});
  }
  view["profiles"] = std::move(profiles);

  // The ring of the best-fitting profile, each cluster coloured by how much of it the text
  // covers; a qualification has no ring, so its best profile is drawn beside it.
  if (ring_candidate >= 0) {
    const auto& r = result.candidates[static_cast<std::size_t>(ring_candidate)];
    const auto& cand = candidates[r.candidate];
    const auto& fw = index.frameworks()[cand.framework];
    std::map<std::string, double> coverage;
    for (const auto& c : r.clusters)
      coverage[index.clusters()[c.index].id] = c.percent;
    model::Framework framework{fw.id, fw.title, "", fw.layers, {}, {}};
    for (auto cl : fw.clusters) {
      const auto& info = index.clusters()[cl];
      framework.clusters.push_back({info.id, info.layer_id, info.title});
    }
    model::Profile profile{cand.id, cand.title, fw.id, "", {}};
    render::RingOptions options;
    options.lang = lang;
    options.cluster_coverage = &coverage;
    options.link_prefix =
        page_url("/profiles/" + cand.id, {}, lang) + (lang == "en" ? "&cluster=" : "?cluster=");
    view["ring_svg"] = render::ring_svg(framework, profile, options);
    view["ring_title"] = cand.title;
    Json clusters = Json::array();
    for (const auto& c : r.clusters) {
      const auto& info = index.clusters()[c.index];
      clusters.push_back({{"title", info.title},
                          {"ring", info.layer_title},
                          {"coverage", percent_text(c.percent)},
                          {"matched", c.matched},
                          {"total", c.total}});
    }
    view["ring_clusters"] = std::move(clusters);
  }

  Json missing = Json::array();
  for (auto g : result.missing_core) {
    const auto& group = index.groups()[g];
    missing.push_back(
        {{"title", group.title},
         {"cluster", index.clusters()[static_cast<std::size_t>(group.cluster)].title},
         {"url", group_url(index, static_cast<std::int32_t>(g), group.candidate, lang)}});
  }
  view["missing"] = missing;
  view["has_missing"] = !missing.empty();

  Json segments = Json::array();
  int n = 0;
  for (const auto& s : result.segments) {
    Json matches = Json::array();
    for (const auto& m : s.matches) {
      const auto& unit = index.units()[m.unit];
      Json places = Json::array();
      for (const auto& place : unit.places) {
        std::string label = candidates[place.candidate].title;
        if (place.group >= 0) {
          const auto& g = index.groups()[static_cast<std::size_t>(place.group)];
          label += g.cluster >= 0
                       ? " › " + index.clusters()[static_cast<std::size_t>(g.cluster)].title
                       : " › " + t["analyse"]["competence"].get<std::string>() + " " +
                             std::to_string(g.position);
        }
        places.push_back(
            {{"label", label}, {"url", group_url(index, place.group, place.candidate, lang)}});
      }
      std::string words;
      for (const auto& w : m.words)
        words += (words.empty() ? "" : ", ") + w;
      matches.push_back({{"statement", unit.text},
                         {"score", percent_text(m.score * 100)},
                         {"words", words},
                         {"places", std::move(places)}});
    }
    segments.push_back({{"n", ++n},
                        {"html", marked_segment(s)},
                        {"matched", !s.matches.empty()},
                        {"matches", std::move(matches)}});
  }
  view["segments"] = std::move(segments);
  return view;
}

}  // namespace

Page analyse_form_page(Context& r) {
  const Json& t = web::ui_texts(r.lang);
  return Page{"analyse", t["analyse"]["title"], Json::object()};
}

Page analyse_result_page(Context& r) {
  const Json& t = web::ui_texts(r.lang);
  const auto input = analyse_input_from(r.req);
  analysis::Matcher matcher(r.pool.structure().get(r.store()));
  const auto result = matcher.analyse(input.text, analysis::Detail::full);
  Json view;
  view["text"] = input.name == "text" ? input.text : "";
  view["file_name"] = input.name == "text" ? "" : input.name;
  view["result"] = result_view(result, matcher.index(), r.lang, t);
  return Page{"analyse", t["analyse"]["title"], view};
}

}  // namespace vakkaart::server

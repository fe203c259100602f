// The analysis page: paste or upload a job text and see what of the structure it covers. The
// form posts to the same URL, so the page works without JavaScript; the result is rendered on
// the server from the same AnalysisResult as POST /api/analyse.
#include <cmath>
#include <map>
#include <optional>
#include <set>

#include "analysis/function_draft.h"
#include "analysis/matcher.h"
#include "analysis/word_terms.h"
#include "auth/roles.h"
#include "core/error.h"
#include "model/labels.h"
#include "render/ring_svg.h"
#include "server/analyse_request.h"
#include "server/request_input.h"
#include "server/views/label_view.h"
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

/// A candidate's title as shown: a profile's label in `lang` when it has one, its Dutch
/// otherwise (issue 18; qualifications have no labels).
model::ShownText candidate_title(const analysis::Candidate& c, const std::string& lang) {
  return model::shown_text(c.title_labels, lang, c.title);
}

/// A cluster's title as shown (model::shown_text).
model::ShownText cluster_title(const analysis::StructureIndex& index, std::int32_t cluster,
                               const std::string& lang) {
  const auto& info = index.clusters()[static_cast<std::size_t>(cluster)];
  return model::shown_text(info.labels, lang, info.title);
}

std::string analyse_fill(std::string text, const std::string& key, const std::string& value) {
  const std::string slot = "{" + key + "}";
  const auto at = text.find(slot);
  if (at != std::string::npos)
    text.replace(at, slot.size(), value);
  return text;
}

/// The headline and the figures under it: the best candidate's coverage counts in one
/// sentence (docs/analysis.md), then the sentences recognised and the share explained.
void add_verdict(Json& view, const analysis::AnalysisResult& result,
                 const analysis::StructureIndex& index, const PageLangs& langs, const Json& t) {
  const std::string& lang = langs.ui;
  view["recognised"] = result.best_candidate >= 0;
  if (result.best_candidate >= 0) {
    const auto& top = result.candidates.front();
    const auto& best = index.candidates()[top.candidate];
    const model::ShownText title = candidate_title(best, langs.labels);
    view["best"] = {{"id", best.id},
                    {"title", title.text},
                    {"title_lang", title.lang},
                    {"url", group_url(index, -1, top.candidate, lang)},
                    {"confidence", percent_text(top.confidence * 100)},
                    {"coverage", percent_text(top.coverage)},
                    // The headline counts what the coverage figure counts (docs/analysis.md).
                    {"matched", top.matched},
                    {"total", top.total},
                    {"one_matched", top.matched == 1},
                    {"qualification", best.kind == analysis::Candidate::Kind::qualification}};
  }
  std::string fit = t["analyse"]["fit_sentence"].get<std::string>();
  fit = analyse_fill(fit, "matched", std::to_string(result.matched_segments));
  fit = analyse_fill(fit, "total", std::to_string(result.segment_count));
  view["fit_sentence"] = analyse_fill(fit, "fit", percent_text(result.fit * 100));
}

Json candidate_rows(const analysis::AnalysisResult& result, const analysis::StructureIndex& index,
                    const PageLangs& langs, const Json& t) {
  Json profiles = Json::array();
  for (std::size_t k = 0; k < result.candidates.size(); ++k) {
    const auto& r = result.candidates[k];
    const auto& c = index.candidates()[r.candidate];
    const bool profile = c.kind == analysis::Candidate::Kind::profile;
    const model::ShownText title = candidate_title(c, langs.labels);
    profiles.push_back(
        {{"rank", k + 1},
         {"id", c.id},
         {"title", title.text},
         {"title_lang", title.lang},
         {"url", group_url(index, -1, r.candidate, langs.ui)},
         {"kind", profile ? t["analyse"]["kind_profile"] : t["analyse"]["kind_qualification"]},
         {"confidence", percent_text(r.confidence * 100)},
         {"confidence_width", static_cast<int>(std::lround(r.confidence * 100))},
         {"coverage", percent_text(r.coverage)}});
  }
  return profiles;
}

/// The ring of the best-fitting profile, each cluster coloured by how much of it the text
/// covers; a qualification has no ring, so its best profile is drawn beside it.
void add_ring(Json& view, const analysis::AnalysisResult& result,
              const analysis::StructureIndex& index, const PageLangs& langs) {
  const std::string& lang = langs.ui;
  const analysis::CandidateResult* ring = nullptr;
  for (const auto& r : result.candidates) {
    if (index.candidates()[r.candidate].kind == analysis::Candidate::Kind::profile && r.score > 0) {
      ring = &r;
      break;
    }
  }
  if (ring == nullptr)
    return;
  const auto& cand = index.candidates()[ring->candidate];
  const auto& fw = index.frameworks()[cand.framework];
  std::map<std::string, double> coverage;
  for (const auto& c : ring->clusters)
    coverage[index.clusters()[c.index].id] = c.percent;
  model::Framework framework{fw.id, fw.title, "", fw.layers, {}, {}, {}};
  for (auto cl : fw.clusters) {
    const auto& info = index.clusters()[cl];
    framework.clusters.push_back({info.id, info.layer_id, info.title});
    framework.clusters.back().labels = info.labels;  // the ring shows them (issue 18)
  }
  model::Profile profile{cand.id, cand.title, fw.id, "", {}};
  profile.title_labels = cand.title_labels;
  render::RingOptions options;
  options.lang = lang;
  options.label_lang = langs.labels;
  options.cluster_coverage = &coverage;
  options.link_prefix =
      page_url("/profiles/" + cand.id, {}, lang) + (lang == "en" ? "&cluster=" : "?cluster=");
  view["ring_svg"] = render::ring_svg(framework, profile, options);
  const model::ShownText title = candidate_title(cand, langs.labels);
  view["ring_title"] = title.text;
  view["ring_title_lang"] = title.lang;
}

Json missing_rows(const analysis::AnalysisResult& result, const analysis::StructureIndex& index,
                  const PageLangs& langs) {
  Json missing = Json::array();
  for (auto g : result.missing_core) {
    const auto& group = index.groups()[g];
    const model::ShownText title = model::shown_text(group.title_labels, langs.labels, group.title);
    const model::ShownText cluster = cluster_title(index, group.cluster, langs.labels);
    missing.push_back(
        {{"title", title.text},
         {"title_lang", title.lang},
         {"cluster", cluster.text},
         {"cluster_lang", cluster.lang},
         {"url", group_url(index, static_cast<std::int32_t>(g), group.candidate, langs.ui)}});
  }
  return missing;
}

Json segment_rows(const analysis::AnalysisResult& result, const analysis::StructureIndex& index,
                  const PageLangs& langs, const Json& t) {
  const std::string& lang = langs.ui;
  const auto& candidates = index.candidates();
  Json segments = Json::array();
  int n = 0;
  for (const auto& s : result.segments) {
    Json matches = Json::array();
    for (const auto& m : s.matches) {
      const auto& unit = index.units()[m.unit];
      Json places = Json::array();
      for (const auto& place : unit.places) {
        const model::ShownText title = candidate_title(candidates[place.candidate], langs.labels);
        Json shown = {{"title", title.text},
                      {"title_lang", title.lang},
                      {"url", group_url(index, place.group, place.candidate, lang)}};
        if (place.group >= 0) {
          const auto& g = index.groups()[static_cast<std::size_t>(place.group)];
          // A competence's place is the page's own word and number.
          const model::ShownText where =
              g.cluster >= 0 ? cluster_title(index, g.cluster, langs.labels)
                             : model::ShownText{t["analyse"]["competence"].get<std::string>() +
                                                    " " + std::to_string(g.position),
                                                lang};
          shown["place"] = where.text;
          shown["place_lang"] = where.lang;
          shown["has_place"] = true;
        }
        places.push_back(std::move(shown));
      }
      std::string words;
      for (const auto& w : m.words)
        words += (words.empty() ? "" : ", ") + w;
      // Rounded down: a 39.9% match that does not count must not read as the 40% that does.
      matches.push_back({{"statement", unit.text},
                         {"score", std::to_string(static_cast<int>(m.score * 100)) + "%"},
                         {"weak", !m.counts},
                         {"words", words},
                         {"places", std::move(places)}});
    }
    segments.push_back({{"n", ++n},
                        {"html", marked_segment(s)},
                        {"matched", !s.matches.empty()},
                        {"matches", std::move(matches)}});
  }
  return segments;
}

Json result_view(const analysis::AnalysisResult& result, const analysis::StructureIndex& index,
                 const PageLangs& langs, const Json& t) {
  Json view;
  add_verdict(view, result, index, langs, t);
  view["profiles"] = candidate_rows(result, index, langs, t);
  add_ring(view, result, index, langs);
  const Json missing = missing_rows(result, index, langs);
  view["missing"] = missing;
  view["has_missing"] = !missing.empty();
  view["segments"] = segment_rows(result, index, langs, t);
  return view;
}

/// "Maak hier een functie van": what the function would hold, and the form for whom may
/// create functions; a sign-in link for anonymous visitors, a word on the role for readers.
Json function_action_view(const Context& r, const analysis::FunctionDraft& draft,
                          const analysis::StructureIndex& index, const Json& t) {
  Json sources = Json::array();
  for (std::size_t k = 0; k < draft.sources.size(); ++k) {
    const auto& g = index.groups()[draft.groups[k]];
    // The cluster in the reader's language where it has a label; a competence is the page's
    // own word and number.
    const model::ShownText place =
        g.cluster >= 0 ? cluster_title(index, g.cluster, r.label_lang)
                       : model::ShownText{t["analyse"]["competence"].get<std::string>() + " " +
                                              std::to_string(g.position),
                                          r.lang};
    // The learning professional's main activities have no title of their own.
    const model::ShownText title =
        g.title.empty()
            ? model::ShownText{place.text + " " + std::to_string(g.position), place.lang}
            : model::shown_text(g.title_labels, r.label_lang, g.title);
    sources.push_back({{"ref", draft.sources[k]},
                       {"title", title.text},
                       {"title_lang", title.lang},
                       {"place", place.text},
                       {"place_lang", place.lang}});
  }
  const auto n = static_cast<long long>(draft.sources.size());
  std::string intro =
      t["analyse"][draft.profile ? "function_intro_profile" : "function_intro_qualification"]
          .get<std::string>();
  intro = analyse_fill(intro, "n",
                       web::counted(n, draft.profile ? "main_activities" : "competences", r.lang));
  Json view = {{"candidate", draft.candidate_id},
               {"title", draft.title},
               {"title_max", analysis::kMaxDraftTitleChars},
               {"intro", analyse_fill(intro, "title", draft.candidate_title)},
               {"sources", std::move(sources)},
               {"action", page_url("/analyse/function", {}, r.lang)}};
  const auto& caller = r.caller;
  if (!caller.signed_in()) {
    view["sign_in_url"] =
        page_url("/sign-in", {{"next", page_url("/analyse", {}, r.lang)}}, r.lang);
  } else if (!caller.read_only && (caller.site_admin() || caller.holds(auth::Role::editor))) {
    view["can_create"] = true;
  } else {
    std::string role =
        caller.role
            ? t["account"]["roles"][std::string(auth::role_name(*caller.role))].get<std::string>()
            : "";
    std::string why =
        t["analyse"][role.empty() ? "function_no_org" : "function_no_role"].get<std::string>();
    why = analyse_fill(why, "role", role);
    view["no_role"] = analyse_fill(why, "org", caller.org_name);
  }
  return view;
}

/// Errors of what was sent to analyse (nothing, an unreadable or too large file) go back to the
/// form, beside the field, in the page's language; anything else is no mistake of the visitor.
std::optional<Json> input_error_view(const Error& e, const Json& t) {
  const std::string& field = e.where().field;
  if (field != "text" && field != "file" && field != "body")
    return std::nullopt;
  const bool file = field == "file";
  // The reader names the upload it failed on ("upload" when the browser sent no name).
  const std::string name = !file ? "" : e.where().file.empty() ? "upload" : e.where().file;
  std::string key;
  switch (e.code()) {
    case ErrorCode::invalid_argument:
      key = file ? "error_file_empty" : "error_empty";
      break;
    case ErrorCode::too_large:
      key = "error_too_large";
      break;
    case ErrorCode::parse_error:
    case ErrorCode::unsupported_format:
    case ErrorCode::encoding_error:
      key = file ? "error_unreadable" : "error_text_unreadable";
      break;
    default:
      return std::nullopt;
  }
  return Json{{"message", analyse_fill(t["analyse"][key].get<std::string>(), "file", name)},
              {"detail", e.message()},
              {"on_file", file},
              {"on_text", !file}};
}

}  // namespace

Page analyse_form_page(Context& r) {
  const Json& t = web::ui_texts(r.lang);
  return Page{"analyse", t["analyse"]["title"], Json::object()};
}

Page analyse_result_page(Context& r) {
  const Json& t = web::ui_texts(r.lang);
  Json view;
  // What was typed goes back into the form, also when it could not be analysed.
  // (Multipart values are not checked at the edge: ill-formed bytes are shown as U+FFFD.)
  view["text"] =
      printable_utf8(r.req.is_multipart_form_data()
                         ? (r.req.has_file("text") ? r.req.get_file_value("text").content : "")
                         : r.req.get_param_value("text"));
  AnalyseInput input;
  try {
    input = analyse_input_from(r.req);
  } catch (const Error& e) {
    auto error = input_error_view(e, t);
    if (!error)
      throw;
    view["form_error"] = std::move(*error);
    return Page{"analyse", t["analyse"]["title"], view, e.http_status()};
  }
  analysis::Matcher matcher(r.pool.structure().get(r.store()));
  const auto result = matcher.analyse(input.text, analysis::Detail::full);
  const bool file = input.name != "text";
  if (file) {
    std::string read =
        t["analyse"][input.pasted_and_file ? "read_both" : "read_file"].get<std::string>();
    view["read_from"] = analyse_fill(read, "file", input.name);
  }
  view["has_result"] = true;
  Json shown = result_view(result, matcher.index(), {r.lang, r.label_lang}, t);
  const auto draft = analysis::function_draft(result, matcher.index(), input.text);
  if (draft)
    shown["function_draft"] = function_action_view(r, *draft, matcher.index(), t);
  view["result"] = std::move(shown);
  return Page{"analyse", t["analyse"]["title"], view};
}

}  // namespace vakkaart::server

#include "analysis/matcher.h"

#include <algorithm>
#include <cmath>

#include "analysis/clauses.h"
#include "analysis/word_terms.h"

namespace vakkaart::analysis {

namespace {

/// Per-thread working memory, sized to the index it last served, so matching a text allocates
/// next to nothing.
struct MatchScratch {
  std::uint64_t serial = 0;
  WordTermCache words;
  std::vector<float> acc;                 // per unit: dot product with the current segment
  std::vector<std::uint8_t> shared;       // per unit: terms it shares with the current segment
  std::vector<std::uint32_t> text_terms;  // per term: the text it last occurred in (a stamp)
  std::uint32_t stamp = 0;
  std::vector<std::uint32_t> touched;
  std::vector<float> unit_best;  // per unit: best score over the text
  std::vector<std::uint32_t> unit_touched;
  std::vector<std::int32_t> term_slot;  // per term: 1 + its place in seg_terms, 0 if absent
  std::vector<std::pair<std::uint32_t, float>> seg_terms;
  // Per segment, the best score per candidate / group / cluster, and the parts it touched.
  std::vector<float> seg_candidate, seg_group, seg_cluster;
  std::vector<std::uint32_t> seg_candidates, seg_groups, seg_clusters;
  // Over the text.
  std::vector<double> candidate_evidence, keyword_evidence, group_evidence, cluster_evidence;
  std::vector<int> cluster_segments;
  std::vector<std::pair<std::uint32_t, float>> seg_matches;
  struct Word {
    std::string_view text;
    const WordTerms* terms;
    std::size_t at;  // byte offset in the segment's text
  };
  std::vector<Word> seg_words;
  std::vector<std::pair<std::size_t, std::size_t>> clauses;  // of the current segment

  void prepare(const StructureIndex& index) {
    if (serial == index.serial())
      return;
    serial = index.serial();
    acc.assign(index.units().size(), 0);
    shared.assign(index.units().size(), 0);
    text_terms.assign(index.term_count(), 0);
    stamp = 0;
    unit_best.assign(index.units().size(), 0);
    term_slot.assign(index.term_count(), 0);
    seg_candidate.assign(index.candidates().size(), 0);
    seg_group.assign(index.groups().size(), 0);
    seg_cluster.assign(index.clusters().size(), 0);
    candidate_evidence.assign(index.candidates().size(), 0);
    keyword_evidence.assign(index.candidates().size(), 0);
    group_evidence.assign(index.groups().size(), 0);
    cluster_evidence.assign(index.clusters().size(), 0);
    cluster_segments.assign(index.clusters().size(), 0);
  }
};

/// Raises `slot` to `score`, remembering `id` the first time the slot is touched.
inline void raise(std::vector<float>& best, std::vector<std::uint32_t>& touched, std::uint32_t id,
                  float score) {
  if (best[id] == 0)
    touched.push_back(id);
  best[id] = std::max(best[id], score);
}

double percent_of(int part, int whole) {
  return whole == 0 ? 0 : 100.0 * part / whole;
}

/// Evidence a place contributes: knowledge and definitions help recognise a text but say
/// less about the work it describes than activities do.
float kind_weight(const std::string& kind) {
  if (kind == "knowledge")
    return 0.5F;
  if (kind == "definition")
    return 0.8F;
  return 1.0F;
}

/// One analysis of a text, step by step: per segment its terms, the postings they reach, the
/// matches kept and, in a full result, their explanation; then over the text coverage,
/// keywords, candidates with their groups, clusters and rings, the clusters of the text, the
/// best candidate and its missing core. The scratch space is left clean for the next text.
class MatchRun {
 public:
  MatchRun(const StructureIndex& index, const MatchSettings& settings,
           const std::vector<float>& unit_weight, const std::vector<float>& unit_scale,
           MatchScratch& scratch, Detail detail)
      : index_(index),
        settings_(settings),
        unit_weight_(unit_weight),
        unit_scale_(unit_scale),
        s(scratch),
        detail_(detail),
        beta_(static_cast<float>(settings.segment_length_weight)),
        unknown_(index.unknown_weight() * static_cast<float>(settings.unknown_word_weight)),
        min_match_(static_cast<float>(settings.min_match)) {}

  AnalysisResult run(const std::vector<Segment>& segments) {
    s.prepare(index_);
    result_.segment_count = static_cast<int>(segments.size());
    if (++s.stamp == 0) {  // the stamp wrapped: forget every earlier text
      std::fill(s.text_terms.begin(), s.text_terms.end(), 0);
      s.stamp = 1;
    }
    for (const auto& segment : segments)
      match_segment(segment);
    std::vector<int> group_matched(index_.groups().size(), 0);
    count_coverage(group_matched);
    const auto keyword_hits = add_keywords();
    result_.fit = fit_sum_ / std::max(1, result_.segment_count);
    add_candidates(group_matched, keyword_hits);
    add_clusters();
    std::fill(s.group_evidence.begin(), s.group_evidence.end(), 0);
    pick_best();
    return std::move(result_);
  }

 private:
  using KeywordHits = std::vector<std::pair<std::uint32_t, const std::string*>>;

  void match_segment(const Segment& segment) {
    const double unknown_sq = segment_terms(segment.text);
    SegmentResult* out = nullptr;
    if (detail_ == Detail::full) {
      result_.segments.push_back({segment.text,
                                  segment.begin,
                                  segment.end,
                                  segment.line,
                                  segment.bullet,
                                  segment.heading,
                                  {}});
      out = &result_.segments.back();
    }
    if (s.seg_terms.empty())
      return;
    s.seg_matches.clear();
    float seg_best = pick_matches(accumulate_postings(unknown_sq), out != nullptr);
    // Then each of its clauses on its own (clauses.h): a unit's best over the whole and its
    // clauses counts, once for the segment, so a sentence listing three duties is no more
    // evidence than one sentence naming the best of them.
    if (settings_.clauses) {
      clause_spans(segment.text, s.clauses);
      for (auto [begin, end] : s.clauses) {
        const double clause_unknown_sq = clause_terms(begin, end);
        if (!s.seg_terms.empty())
          seg_best = std::max(seg_best,
                              pick_matches(accumulate_postings(clause_unknown_sq), out != nullptr));
      }
    }
    close_segment(seg_best);
    if (out)
      explain_matches(*out);
  }

  /// The segment's terms (each once, at its highest factor) into s.seg_terms, and its words
  /// into s.seg_words; returns the squared weight of its unknown words.
  double segment_terms(std::string_view text) {
    s.seg_terms.clear();
    s.seg_words.clear();
    // No eviction until the next segment: s.seg_words holds references into the cache.
    s.words.trim(index_);
    double unknown_sq = 0;
    split_words(text, [&](std::string_view word, std::size_t at) {
      const auto& wt = s.words.find_or_add(word, index_);
      if (wt.ignored)
        return;
      s.seg_words.push_back({word, &wt, at});
      unknown_sq += add_word_terms(wt);
    });
    return unknown_sq;
  }

  /// The terms of the segment's words in the byte range [begin, end) (a clause) into
  /// s.seg_terms, from s.seg_words (no second lookup); returns their unknown words' weight.
  double clause_terms(std::size_t begin, std::size_t end) {
    s.seg_terms.clear();
    double unknown_sq = 0;
    for (const auto& word : s.seg_words)
      if (word.at >= begin && word.at < end)
        unknown_sq += add_word_terms(*word.terms);
    return unknown_sq;
  }

  /// Adds a word's terms to s.seg_terms (each once, at its highest factor); returns the
  /// squared weight it adds as an unknown word (0 for a known one).
  double add_word_terms(const WordTerms& wt) {
    if (wt.unknown)
      return static_cast<double>(unknown_) * unknown_;
    for (auto [term, factor] : wt.terms) {
      auto& slot = s.term_slot[term];
      if (slot == 0) {
        s.seg_terms.emplace_back(term, factor);
        slot = static_cast<std::int32_t>(s.seg_terms.size());
      } else {
        auto& f = s.seg_terms[static_cast<std::size_t>(slot - 1)].second;
        f = std::max(f, factor);
      }
    }
    return 0;
  }

  /// The dot product of the segment with every unit its terms reach, through the postings;
  /// returns the segment's part of the score's denominator, |segment|^β.
  float accumulate_postings(double unknown_sq) {
    double norm_sq = unknown_sq;
    for (auto [term, factor] : s.seg_terms) {
      s.term_slot[term] = 0;
      s.text_terms[term] = s.stamp;
      const auto& postings = index_.postings(term);
      // A term only keywords have is, for the statements, a word they do not use.
      float w = postings.empty() ? unknown_ : index_.idf(term) * factor;
      norm_sq += static_cast<double>(w) * w;
      for (auto [unit, weight] : postings) {
        if (s.acc[unit] == 0)
          s.touched.push_back(unit);
        s.acc[unit] += w * weight;
        ++s.shared[unit];
      }
    }
    return std::pow(static_cast<float>(std::sqrt(norm_sq)), beta_);
  }

  /// Scores every unit reached, keeps those that match (and, when `keep`, lists them in
  /// s.seg_matches), and raises the segment's best per candidate, group and cluster; returns
  /// the segment's best score.
  float pick_matches(float seg_norm, bool keep) {
    const auto& units = index_.units();
    const auto& groups = index_.groups();
    float seg_best = 0;
    for (auto unit : s.touched) {
      const auto& u = units[unit];
      float score = s.acc[unit] / (unit_scale_[unit] * seg_norm);
      s.acc[unit] = 0;
      score = std::min(score, 1.0F);
      // One shared word is a coincidence ("profiel", "aanbod"), unless the unit is one word.
      const bool enough = s.shared[unit] >= 2 || u.terms.size() == 1;
      s.shared[unit] = 0;
      if (score < min_match_ || !enough)
        continue;
      seg_best = std::max(seg_best, score);
      raise(s.unit_best, s.unit_touched, unit, score);
      float weighted = score * unit_weight_[unit];
      for (const auto& place : u.places) {
        raise(s.seg_candidate, s.seg_candidates, place.candidate, weighted);
        if (place.group < 0)
          continue;
        auto g = static_cast<std::uint32_t>(place.group);
        raise(s.seg_group, s.seg_groups, g, score);
        if (groups[g].cluster >= 0)
          raise(s.seg_cluster, s.seg_clusters, static_cast<std::uint32_t>(groups[g].cluster),
                score);
      }
      if (keep)
        s.seg_matches.emplace_back(unit, score);
    }
    s.touched.clear();
    return seg_best;
  }

  /// Adds the segment's bests to the text's evidence and clears them.
  void close_segment(float seg_best) {
    for (auto c : s.seg_candidates) {
      s.candidate_evidence[c] += s.seg_candidate[c];
      s.seg_candidate[c] = 0;
    }
    for (auto g : s.seg_groups) {
      s.group_evidence[g] += s.seg_group[g];
      s.seg_group[g] = 0;
    }
    for (auto c : s.seg_clusters) {
      s.cluster_evidence[c] += s.seg_cluster[c];
      ++s.cluster_segments[c];
      s.seg_cluster[c] = 0;
    }
    s.seg_candidates.clear();
    s.seg_groups.clear();
    s.seg_clusters.clear();
    if (seg_best > 0) {
      ++result_.matched_segments;
      fit_sum_ += seg_best;
    }
  }

  /// The segment's best matches (settings.matches_per_segment), each with the words of the
  /// segment it shares terms with.
  void explain_matches(SegmentResult& out) {
    const auto& units = index_.units();
    // A unit the whole segment and one of its clauses both matched is listed once, at its best.
    std::sort(s.seg_matches.begin(), s.seg_matches.end(), [](const auto& a, const auto& b) {
      return a.first != b.first ? a.first < b.first : a.second > b.second;
    });
    s.seg_matches.erase(
        std::unique(s.seg_matches.begin(), s.seg_matches.end(),
                    [](const auto& a, const auto& b) { return a.first == b.first; }),
        s.seg_matches.end());
    auto keep = std::min<std::size_t>(s.seg_matches.size(),
                                      static_cast<std::size_t>(settings_.matches_per_segment));
    std::partial_sort(s.seg_matches.begin(), s.seg_matches.begin() + static_cast<long>(keep),
                      s.seg_matches.end(), [](const auto& a, const auto& b) {
                        return a.second != b.second ? a.second > b.second : a.first < b.first;
                      });
    for (std::size_t k = 0; k < keep; ++k) {
      auto [unit, score] = s.seg_matches[k];
      SegmentMatch m{unit, score, {}, score >= settings_.covered};
      const auto& unit_terms = units[unit].terms;
      for (const auto& word : s.seg_words) {
        bool shared =
            std::any_of(word.terms->terms.begin(), word.terms->terms.end(), [&](const auto& t) {
              return std::binary_search(
                  unit_terms.begin(), unit_terms.end(),
                  std::pair<std::uint32_t, float>{t.first, 0.0F},
                  [](const auto& a, const auto& b) { return a.first < b.first; });
            });
        if (shared && std::find(m.words.begin(), m.words.end(), word.text) == m.words.end())
          m.words.emplace_back(word.text);
      }
      out.matches.push_back(std::move(m));
    }
  }

  /// A unit is recognised when some segment matched it well enough; counted per group (a main
  /// activity's or competence's recognised statements). Coverage itself is counted in groups,
  /// see add_candidates.
  void count_coverage(std::vector<int>& group_matched) {
    const auto& units = index_.units();
    for (auto unit : s.unit_touched) {
      if (s.unit_best[unit] >= settings_.covered) {
        for (const auto& place : units[unit].places)
          if (place.group >= 0)
            ++group_matched[static_cast<std::size_t>(place.group)];
      }
      s.unit_best[unit] = 0;
    }
    s.unit_touched.clear();
  }

  /// Keywords: each one the text uses adds to its candidate's evidence; in a full result the
  /// keywords found are returned with their candidate.
  KeywordHits add_keywords() {
    KeywordHits keyword_hits;
    for (const auto& k : index_.keywords()) {
      bool all = std::all_of(k.terms.begin(), k.terms.end(),
                             [&](std::uint32_t t) { return s.text_terms[t] == s.stamp; });
      if (all) {
        s.candidate_evidence[k.candidate] += settings_.keyword_weight * k.weight;
        s.keyword_evidence[k.candidate] += settings_.keyword_weight * k.weight;
        if (detail_ == Detail::full)
          keyword_hits.emplace_back(k.candidate, &k.text);
      }
    }
    return keyword_hits;
  }

  /// Every candidate with its evidence, confidence, coverage and groups (and, for a profile,
  /// clusters and rings), strongest first.
  void add_candidates(const std::vector<int>& group_matched, const KeywordHits& keyword_hits) {
    const auto& candidates = index_.candidates();
    const auto& groups = index_.groups();
    double sum_sq = 0;
    for (auto e : s.candidate_evidence)
      sum_sq += e * e;
    double best_evidence = 0;
    for (auto e : s.candidate_evidence)
      best_evidence = std::max(best_evidence, e);
    // Confidence is a candidate's share of the evidence, lowered while the evidence is weak.
    const double strength = std::clamp(best_evidence / (2 * settings_.min_evidence), 0.0, 1.0);

    result_.candidates.reserve(candidates.size());
    for (std::uint32_t c = 0; c < candidates.size(); ++c) {
      const auto& cand = candidates[c];
      CandidateResult r;
      r.candidate = c;
      r.score = s.candidate_evidence[c];
      r.keyword_score = s.keyword_evidence[c];
      s.keyword_evidence[c] = 0;
      for (const auto& [holder, text] : keyword_hits)
        if (holder == c)
          r.keywords.push_back(*text);
      r.confidence = sum_sq > 0 ? r.score * r.score / sum_sq * strength : 0;
      // Coverage (docs/analysis.md): the share of its main activities (competences) that come
      // up, one of which comes up when the text matched it or one of its sub-activities. The
      // ring, the cluster list and the headline all count the same way.
      r.total = static_cast<int>(cand.groups.size());
      for (auto g : cand.groups) {
        r.matched += group_matched[g] > 0;
        r.groups.push_back({g, group_matched[g], groups[g].units,
                            percent_of(group_matched[g], groups[g].units), s.group_evidence[g]});
      }
      r.coverage = percent_of(r.matched, r.total);
      if (cand.kind == Candidate::Kind::profile)
        add_profile_parts(r, index_.frameworks()[cand.framework]);
      result_.candidates.push_back(std::move(r));
      s.candidate_evidence[c] = 0;
    }
    std::stable_sort(
        result_.candidates.begin(), result_.candidates.end(),
        [](const CandidateResult& a, const CandidateResult& b) { return a.score > b.score; });
  }

  /// A profile's groups summed to the clusters of its framework, and those to its rings.
  void add_profile_parts(CandidateResult& r, const FrameworkInfo& fw) {
    const auto& groups = index_.groups();
    for (auto cl : fw.clusters)
      r.clusters.push_back({cl, 0, 0, 0, 0});
    for (std::uint32_t l = 0; l < fw.layers.size(); ++l)
      r.layers.push_back({l, 0, 0, 0, 0});
    for (const auto& gr : r.groups) {
      auto cl = groups[gr.index].cluster;
      auto at = std::find_if(r.clusters.begin(), r.clusters.end(), [&](const PartResult& p) {
        return static_cast<std::int32_t>(p.index) == cl;
      });
      if (at == r.clusters.end())
        continue;
      at->matched += gr.matched > 0;  // main activities that come up, as for the candidate
      at->total += 1;
      at->evidence += gr.evidence;
    }
    for (auto& cr : r.clusters) {
      cr.percent = percent_of(cr.matched, cr.total);
      const auto& layer_id = index_.clusters()[cr.index].layer_id;
      for (auto& lr : r.layers)
        if (fw.layers[lr.index].id == layer_id) {
          lr.matched += cr.matched;
          lr.total += cr.total;
          lr.evidence += cr.evidence;
        }
    }
    for (auto& lr : r.layers)
      lr.percent = percent_of(lr.matched, lr.total);
  }

  /// The clusters the text gave evidence for, strongest first.
  void add_clusters() {
    for (std::uint32_t c = 0; c < index_.clusters().size(); ++c) {
      if (s.cluster_evidence[c] > 0)
        result_.clusters.push_back({c, s.cluster_segments[c], result_.segment_count,
                                    percent_of(s.cluster_segments[c], result_.segment_count),
                                    s.cluster_evidence[c]});
      s.cluster_evidence[c] = 0;
      s.cluster_segments[c] = 0;
    }
    std::stable_sort(
        result_.clusters.begin(), result_.clusters.end(),
        [](const PartResult& a, const PartResult& b) { return a.evidence > b.evidence; });
  }

  /// The best candidate when it has enough evidence, and for a profile the core groups the
  /// text says nothing of.
  void pick_best() {
    const auto& candidates = index_.candidates();
    const auto& groups = index_.groups();
    const bool recognised = !result_.candidates.empty() && result_.candidates.front().score > 0 &&
                            result_.candidates.front().score >= settings_.min_evidence;
    if (!recognised)
      return;
    const auto& top = result_.candidates.front();
    result_.best_candidate = top.candidate;
    result_.best = candidates[top.candidate].id;
    if (candidates[top.candidate].kind != Candidate::Kind::profile)
      return;
    // Exactly the core main activities the coverage does not count, so the list and the
    // ring's 0% agree (a weak match below `covered` is no mention).
    for (const auto& gr : top.groups) {
      auto cl = groups[gr.index].cluster;
      if (cl >= 0 && index_.clusters()[static_cast<std::size_t>(cl)].core && gr.matched == 0)
        result_.missing_core.push_back(gr.index);
    }
  }

  const StructureIndex& index_;
  const MatchSettings& settings_;
  const std::vector<float>& unit_weight_;
  const std::vector<float>& unit_scale_;
  MatchScratch& s;
  const Detail detail_;
  const float beta_;
  const float unknown_;
  const float min_match_;
  AnalysisResult result_;
  double fit_sum_ = 0;
};

}  // namespace

Matcher::Matcher(std::shared_ptr<const StructureIndex> index, MatchSettings settings)
    : index_(std::move(index)), settings_(settings) {
  unit_weight_.reserve(index_->units().size());
  unit_scale_.reserve(index_->units().size());
  const auto beta = static_cast<float>(settings_.segment_length_weight);
  for (const auto& u : index_->units()) {
    unit_weight_.push_back(kind_weight(u.kind));
    unit_scale_.push_back(std::pow(u.norm, 2 - beta));
  }
}

AnalysisResult Matcher::analyse(std::string_view text, Detail detail) const {
  return analyse(segment_text(text), detail);
}

AnalysisResult Matcher::analyse(const std::vector<Segment>& segments, Detail detail) const {
  thread_local MatchScratch scratch;
  return MatchRun(*index_, settings_, unit_weight_, unit_scale_, scratch, detail).run(segments);
}

}  // namespace vakkaart::analysis

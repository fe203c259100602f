#include "analysis/structure_index.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <fstream>
#include <unordered_set>

#include "core/error.h"
#include "text/corpus_analyzer.h"
#include "text/text_utils.h"
#include "text/word_lists.h"

namespace vakkaart::analysis {

namespace {

/// A definition is one paragraph; its sentences are matched one by one, like a text's.
std::vector<std::string> structure_sentences(const std::string& paragraph) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i + 1 < paragraph.size(); ++i) {
    if (paragraph[i] == '.' && paragraph[i + 1] == ' ') {
      out.push_back(std::string(text::trim(paragraph.substr(start, i + 1 - start))));
      start = i + 2;
    }
  }
  auto rest = text::trim(std::string_view(paragraph).substr(std::min(start, paragraph.size())));
  if (!rest.empty())
    out.emplace_back(rest);
  return out;
}

void collect_activities(const std::vector<model::Activity>& activities,
                        std::vector<const std::string*>& out) {
  for (const auto& a : activities) {
    out.push_back(&a.text);
    collect_activities(a.children, out);
  }
}

std::vector<std::string> corpus_texts(const std::vector<model::Framework>& frameworks,
                                      const std::vector<model::Qualification>& qualifications) {
  std::vector<std::string> texts;
  std::vector<const std::string*> activities;
  for (const auto& fw : frameworks)
    for (const auto& p : fw.profiles) {
      texts.push_back(p.definition);
      for (const auto& pc : p.clusters)
        for (const auto& main : pc.main_activities) {
          if (main.title)
            texts.push_back(*main.title);
          collect_activities(main.activities, activities);
        }
    }
  for (const auto* a : activities)
    texts.push_back(*a);
  for (const auto& q : qualifications) {
    texts.push_back(q.definition);
    for (const auto& c : q.competences) {
      texts.push_back(c.title);
      for (const auto& a : c.activities)
        texts.push_back(a.text);
      for (const auto& k : c.knowledge)
        texts.push_back(k.text);
    }
  }
  return texts;
}

}  // namespace

std::shared_ptr<const StructureIndex> StructureIndex::build(
    store::Store& store, std::shared_ptr<const text::Analyzer> analyzer) {
  std::vector<model::Framework> frameworks;
  for (const auto& summary : store.list_frameworks())
    if (auto f = store.find_framework(summary.id))
      frameworks.push_back(std::move(*f));
  // Every version of a qualification: a text may be written against an older one.
  std::vector<model::Qualification> qualifications;
  for (const auto& summary : store.list_qualifications())
    if (auto q = store.find_qualification(summary.id))
      qualifications.push_back(std::move(*q));
  return build(frameworks, qualifications, std::move(analyzer));
}

std::shared_ptr<const StructureIndex> StructureIndex::build(
    const std::vector<model::Framework>& frameworks,
    const std::vector<model::Qualification>& qualifications,
    std::shared_ptr<const text::Analyzer> analyzer) {
  auto index = std::shared_ptr<StructureIndex>(new StructureIndex());
  static std::atomic<std::uint64_t> next_serial{1};
  index->serial_ = next_serial++;
  index->analyzer_ = analyzer ? std::move(analyzer)
                              : text::analyzer_for_corpus(corpus_texts(frameworks, qualifications));

  for (const auto& fw : frameworks) {
    FrameworkInfo info{fw.id, fw.title, {}, fw.layers};
    std::size_t fw_index = index->frameworks_.size();
    for (const auto& c : fw.clusters) {
      const auto* layer = fw.find_layer(c.layer_id);
      info.clusters.push_back(static_cast<std::uint32_t>(index->clusters_.size()));
      index->clusters_.push_back({c.id, c.title, c.layer_id, layer ? layer->title : "", fw_index,
                                  c.layer_id == "kernactiviteiten", c.labels});
    }
    index->frameworks_.push_back(std::move(info));

    for (const auto& p : fw.profiles) {
      auto candidate = static_cast<std::uint32_t>(index->candidates_.size());
      index->candidates_.push_back(
          {Candidate::Kind::profile, p.id, p.title, fw.id, fw_index, {}, p.title_labels});
      index->candidate_by_id_[p.id] = candidate;
      index->add_unit(p.title, "title", {candidate, -1});
      for (const auto& sentence : structure_sentences(p.definition))
        index->add_unit(sentence, "definition", {candidate, -1});
      for (const auto& pc : p.clusters) {
        std::int32_t cluster = -1;
        const auto& fw_clusters = index->frameworks_[fw_index].clusters;
        for (auto global : fw_clusters)
          if (index->clusters_[global].id == pc.cluster_id)
            cluster = static_cast<std::int32_t>(global);
        int position = 0;
        for (const auto& main : pc.main_activities) {
          ++position;
          auto group = static_cast<std::int32_t>(index->groups_.size());
          index->groups_.push_back({candidate, cluster, position, main.title.value_or(""),
                                    p.id + ":" + pc.cluster_id + ":" + std::to_string(position), 0,
                                    main.title_labels});
          index->candidates_[candidate].groups.push_back(static_cast<std::uint32_t>(group));
          if (main.title)
            index->add_unit(*main.title, "main_activity", {candidate, group});
          std::vector<const std::string*> texts;
          collect_activities(main.activities, texts);
          for (const auto* t : texts)
            index->add_unit(*t, "activity", {candidate, group});
        }
      }
    }
  }

  for (const auto& q : qualifications) {
    auto candidate = static_cast<std::uint32_t>(index->candidates_.size());
    index->candidates_.push_back({Candidate::Kind::qualification, q.id, q.title, "", 0, {}, {}});
    index->candidate_by_id_[q.id] = candidate;
    if (q.current)
      index->candidate_by_id_[q.code] = candidate;
    index->add_unit(q.title, "title", {candidate, -1});
    for (const auto& sentence : structure_sentences(q.definition))
      index->add_unit(sentence, "definition", {candidate, -1});
    for (const auto& c : q.competences) {
      auto group = static_cast<std::int32_t>(index->groups_.size());
      index->groups_.push_back(
          {candidate, -1, c.number, c.title, q.id + ":" + std::to_string(c.number), 0, {}});
      index->candidates_[candidate].groups.push_back(static_cast<std::uint32_t>(group));
      index->add_unit(c.title, "competence", {candidate, group});
      for (const auto& a : c.activities)
        index->add_unit(a.text, "competence_activity", {candidate, group});
      // Knowledge says what the work draws on, not what it does: it helps recognise the
      // qualification but does not count towards a competence's coverage.
      for (const auto& k : c.knowledge)
        index->add_unit(k.text, "knowledge", {candidate, -1});
    }
  }
  index->load_keywords(text::data_dir() + "/profile-keywords-nl.txt");
  index->ignored_ = text::load_stopwords(text::data_dir() + "/analysis-ignore-nl.txt");
  index->finish();
  return index;
}

std::uint32_t StructureIndex::intern(const std::string& stem) {
  auto [it, inserted] = term_ids_.try_emplace(stem, static_cast<std::uint32_t>(terms_.size()));
  if (inserted)
    terms_.push_back(stem);
  return it->second;
}

void StructureIndex::add_unit(const std::string& text, const std::string& kind, UnitPlace place) {
  if (text::trim(text).empty())
    return;
  auto [it, inserted] = unit_by_text_.try_emplace(text, static_cast<std::uint32_t>(units_.size()));
  if (inserted) {
    Unit unit{text, kind, {}, {}, 0};
    // Term factors first; idf is applied once every unit is known.
    std::unordered_map<std::uint32_t, float> factors;
    for (const auto& word : analyzer_->analyze(text)) {
      if (word.stopword)
        continue;
      float direct = 1.0F;
      if (!word.forms.empty() && analyzer_->is_light(word.forms.front()))
        direct = kPartFactor;
      for (const auto& s : word.stems) {
        auto& f = factors[intern(s)];
        f = std::max(f, direct);
      }
      for (const auto& s : word.part_stems) {
        auto& f = factors[intern(s)];
        f = std::max(f, direct * kPartFactor);
      }
    }
    for (auto [term, factor] : factors)
      unit.terms.emplace_back(term, factor);
    std::sort(unit.terms.begin(), unit.terms.end());
    units_.push_back(std::move(unit));
  }
  auto& places = units_[it->second].places;
  if (std::find_if(places.begin(), places.end(), [&](const UnitPlace& p) {
        return p.candidate == place.candidate && p.group == place.group;
      }) == places.end())
    places.push_back(place);
}

void StructureIndex::finish() {
  std::vector<int> df(terms_.size(), 0);
  for (const auto& u : units_)
    for (auto [term, factor] : u.terms)
      ++df[term];
  auto n = static_cast<double>(units_.size());
  idf_.resize(terms_.size());
  for (std::size_t t = 0; t < terms_.size(); ++t)
    idf_[t] = static_cast<float>(std::log(1.0 + n / std::max(1, df[t])));
  unknown_weight_ = static_cast<float>(std::log(1.0 + n));
  postings_.assign(terms_.size(), {});
  for (std::uint32_t u = 0; u < units_.size(); ++u) {
    double norm = 0;
    for (auto& [term, weight] : units_[u].terms) {
      weight *= idf_[term];
      norm += static_cast<double>(weight) * weight;
      postings_[term].emplace_back(u, weight);
    }
    units_[u].norm = static_cast<float>(std::sqrt(norm));
  }
  // A keyword that names several candidates' work tells them apart less.
  std::unordered_map<std::string, std::unordered_set<std::uint32_t>> keyword_holders;
  for (const auto& k : keywords_)
    keyword_holders[k.text].insert(k.candidate);
  for (auto& k : keywords_)
    k.weight =
        static_cast<float>(std::log(1.0 + static_cast<double>(candidates_.size()) /
                                              static_cast<double>(keyword_holders[k.text].size())));
  // The statements each group holds (what a group's own percentage counts).
  for (std::uint32_t u = 0; u < units_.size(); ++u)
    for (const auto& place : units_[u].places)
      if (place.group >= 0)
        ++groups_[static_cast<std::size_t>(place.group)].units;
}

std::vector<std::vector<std::uint32_t>> StructureIndex::group_members() const {
  std::vector<std::vector<std::uint32_t>> members(groups_.size());
  for (std::uint32_t u = 0; u < units_.size(); ++u)
    for (const auto& place : units_[u].places)
      if (place.group >= 0)
        members[static_cast<std::size_t>(place.group)].push_back(u);
  for (auto& m : members)
    m.erase(std::unique(m.begin(), m.end()), m.end());  // ascending already: units in order
  return members;
}

void StructureIndex::load_keywords(const std::string& path) {
  std::ifstream in(path);
  if (!in)
    return;  // no keywords: candidates are recognised by their statements alone
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    auto content = text::trim(line);
    if (content.empty() || content.front() == '#')
      continue;
    auto colon = content.find(": ");
    if (colon == std::string_view::npos)
      throw Error(ErrorCode::parse_error, "expected 'id: word, word, ...'", {path, number, ""});
    const std::string id(content.substr(0, colon));
    // A qualification's words hold for each of its versions.
    std::vector<std::uint32_t> holders;
    for (std::uint32_t c = 0; c < candidates_.size(); ++c) {
      const auto& cand = candidates_[c];
      if (cand.id == id || (cand.kind == Candidate::Kind::qualification &&
                            cand.id.substr(0, cand.id.rfind('-')) == id.substr(0, id.rfind('-'))))
        holders.push_back(c);
    }
    for (auto word : text::split(content.substr(colon + 2), ',')) {
      word = text::trim(word);
      if (word.empty())
        continue;
      std::vector<std::uint32_t> terms;
      for (const auto& w : analyzer_->analyze(word))
        if (!w.stopword && !w.stems.empty())
          terms.push_back(intern(w.stems.front()));
      std::sort(terms.begin(), terms.end());
      terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
      if (terms.empty())
        continue;
      // "workshop" and "workshops" are one keyword: the same stems count once.
      for (auto c : holders)
        if (std::none_of(keywords_.begin(), keywords_.end(),
                         [&](const Keyword& k) { return k.candidate == c && k.terms == terms; }))
          keywords_.push_back({c, std::string(word), terms, 0});
    }
  }
}

std::int64_t StructureIndex::term_id(const std::string& stem) const {
  auto it = term_ids_.find(stem);
  return it == term_ids_.end() ? -1 : static_cast<std::int64_t>(it->second);
}

std::int64_t StructureIndex::find_candidate(const std::string& id) const {
  auto it = candidate_by_id_.find(id);
  return it == candidate_by_id_.end() ? -1 : static_cast<std::int64_t>(it->second);
}

}  // namespace vakkaart::analysis

#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "model/framework.h"
#include "model/qualification.h"
#include "store/store.h"
#include "text/analyzer.h"

namespace vakkaart::analysis {

/// What a text can be recognised as: a profile of a framework or a qualification.
struct Candidate {
  enum class Kind { profile, qualification };
  Kind kind = Kind::profile;
  std::string id;  // "gemeenschapswerker", "BK-0338-3"
  std::string title;
  std::string framework_id;           // profiles only
  std::size_t framework = 0;          // index into StructureIndex::frameworks() (profiles only)
  std::vector<std::uint32_t> groups;  // its groups (StructureIndex::groups()), in source order
  model::Labels title_labels;         // the title in other languages (profiles only; issue 18)
};

/// A part of a candidate whose coverage is reported: a profile's main activity or a
/// qualification's competence.
struct Group {
  std::uint32_t candidate = 0;
  /// Global cluster index (StructureIndex::clusters()) for main activities; for competences,
  /// -1 (a qualification has no place in a ring model of its own).
  std::int32_t cluster = -1;
  int position = 0;   // 1-based main activity within its cluster, or competence number
  std::string title;  // main activity title ("" for the untitled learning-professional one)
  std::string ref;    // "gemeenschapswerker:afwegen-kiezen-ontwerpen:2", "BK-0338-3:5"
  int units = 0;      // distinct units in the group
  model::Labels title_labels;  // a main activity's title in other languages (issue 18)
};

/// A cluster of some framework's ring model; clusters of different frameworks are distinct.
struct ClusterInfo {
  std::string id;
  std::string title;
  std::string layer_id;
  std::string layer_title;
  std::size_t framework = 0;
  bool core = false;     // in the core-activities ring ("kernactiviteiten")
  model::Labels labels;  // the title in other languages (issue 18)
};

struct FrameworkInfo {
  std::string id;
  std::string title;
  std::vector<std::uint32_t> clusters;  // global cluster indexes in model order
  std::vector<model::Layer> layers;
};

/// Where a unit occurs. A unit that several profiles share has one place per profile.
struct UnitPlace {
  std::uint32_t candidate = 0;
  /// The group it belongs to; -1 for text that informs recognition but has no coverage (a
  /// profile's definition, a qualification's knowledge).
  std::int32_t group = -1;
};

/// One distinct statement text of the structure, analysed once.
struct Unit {
  std::string text;
  std::string
      kind;  // main_activity | activity | definition | competence | competence_activity | knowledge
  std::vector<UnitPlace> places;
  /// (term, weight) sorted by term: idf × a factor for how directly the word says it.
  std::vector<std::pair<std::uint32_t, float>> terms;
  float norm = 0;  // Euclidean length of `terms`' weights
};

/// A word or phrase by which job texts name a candidate's work (data/profile-keywords-nl.txt).
struct Keyword {
  std::uint32_t candidate = 0;
  std::string text;
  std::vector<std::uint32_t> terms;  // all must occur in a text for it to count
  float weight = 0;  // rarer across candidates weighs more: ln(1 + candidates / holders)
};

/// The structure as the matcher reads it: every distinct statement of every profile and
/// qualification, its analysed terms with weights, and postings from term to unit. Built once
/// per content version of the store; immutable afterwards, so every thread shares it.
class StructureIndex {
 public:
  /// Every framework and every version of every qualification in the store. Without an
  /// analyzer, the standard one with the structure's own words added to its lexicon (as search
  /// does), so both split compounds the same way.
  static std::shared_ptr<const StructureIndex> build(
      store::Store& store, std::shared_ptr<const text::Analyzer> analyzer = nullptr);
  static std::shared_ptr<const StructureIndex> build(
      const std::vector<model::Framework>& frameworks,
      const std::vector<model::Qualification>& qualifications,
      std::shared_ptr<const text::Analyzer> analyzer = nullptr);

  const text::Analyzer& analyzer() const { return *analyzer_; }
  const std::vector<Candidate>& candidates() const { return candidates_; }
  const std::vector<Group>& groups() const { return groups_; }
  const std::vector<ClusterInfo>& clusters() const { return clusters_; }
  const std::vector<FrameworkInfo>& frameworks() const { return frameworks_; }
  const std::vector<Unit>& units() const { return units_; }
  /// Per group, its units (sorted, each once): a main activity's or competence's statements.
  std::vector<std::vector<std::uint32_t>> group_members() const;

  /// The term id of an analysed stem, or -1 when no unit has it.
  std::int64_t term_id(const std::string& stem) const;
  const std::string& term(std::uint32_t id) const { return terms_[id]; }
  float idf(std::uint32_t term) const { return idf_[term]; }
  /// The weight a word of a text gets when no unit has it: as rare as the rarest term.
  float unknown_weight() const { return unknown_weight_; }
  /// Units holding a term, with the term's weight in each.
  const std::vector<std::pair<std::uint32_t, float>>& postings(std::uint32_t term) const {
    return postings_[term];
  }
  std::size_t term_count() const { return terms_.size(); }
  /// Index of a candidate by id ("BK-0338" finds the current version), or -1.
  std::int64_t find_candidate(const std::string& id) const;
  const std::vector<Keyword>& keywords() const { return keywords_; }
  /// A folded word that says nothing about the work in a job text (data/analysis-ignore-nl.txt).
  bool is_ignored(const std::string& folded) const { return ignored_.count(folded) != 0; }

  /// Distinct for every index ever built: keys per-thread caches of term ids.
  std::uint64_t serial() const { return serial_; }

  /// A word's stem counts fully; a compound part or a derived form half (it says less).
  static constexpr float kPartFactor = 0.5F;

 private:
  std::uint32_t intern(const std::string& stem);
  void add_unit(const std::string& text, const std::string& kind, UnitPlace place);
  void finish();
  void load_keywords(const std::string& path);

  std::shared_ptr<const text::Analyzer> analyzer_;
  std::uint64_t serial_ = 0;
  std::vector<Candidate> candidates_;
  std::vector<Group> groups_;
  std::vector<ClusterInfo> clusters_;
  std::vector<FrameworkInfo> frameworks_;
  std::vector<Unit> units_;
  std::unordered_map<std::string, std::uint32_t> unit_by_text_;
  std::vector<std::string> terms_;
  std::unordered_map<std::string, std::uint32_t> term_ids_;
  std::vector<float> idf_;
  std::vector<std::vector<std::pair<std::uint32_t, float>>> postings_;
  float unknown_weight_ = 1;
  std::unordered_map<std::string, std::uint32_t> candidate_by_id_;
  std::vector<Keyword> keywords_;
  std::unordered_set<std::string> ignored_;
};

}  // namespace vakkaart::analysis

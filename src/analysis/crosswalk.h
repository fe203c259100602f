#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "analysis/matcher.h"
#include "model/alignment.h"
#include "store/store.h"

namespace vakkaart::analysis {

/// The knobs of the crosswalk computation. The defaults were calibrated on the bundled sources;
/// crosswalk.cpp says what they give on BK-0338-3 and why they are where they are.
struct CrosswalkSettings {
  /// Score from which an alignment is exact, close or related; below `related` there is none.
  double exact = 0.75;
  double close = 0.4;
  double related = 0.2;
  /// A statement's similarity (the matcher's score of its best match in a group) counts from
  /// `floor` upwards and in full from `said`: a match of 0.7 is the same sentence in other words.
  double floor = 0.1;
  double said = 0.7;
  /// Weight of the side less said by the other (0.5 = the mean of both directions; 0 = only the
  /// better side): a competence often holds a whole main activity and more, and that should
  /// count, but never on one side alone.
  double target_weight = 0.4;
  /// Targets kept per source and target profile, best first.
  int per_profile = 5;
};

/// The matcher's settings for reading statements against statements: the structure's texts
/// are short and worded apart, so weaker matches than in a job text still say something.
MatchSettings crosswalk_match_settings();

/// Identifies the computation: stored with the alignments so that a change of method (or of
/// its settings) makes stored alignments stale just as new content does.
inline constexpr const char* kCrosswalkMethod = "crosswalk-1";

/// Every alignment the structure of `matcher`'s index supports: each competence of every
/// qualification version against the main activities of every profile, and each main activity
/// of a profile against those of the other profiles. The source's statements (a competence's
/// title and activities; a main activity's title and sub-activities) are read by the matcher as
/// segments, and each target main activity gets a score from how much of the source it says
/// and how much of it the source says. Main activities with the very same statements, and the
/// same main activity of a framework's model in two profiles (same cluster, same title, such as
/// the learning professional's untitled one), are exact.
/// In model order of the sources, best first per source.
std::vector<model::Alignment> compute_alignments(const Matcher& matcher,
                                                 const CrosswalkSettings& settings = {});

/// What stored alignments computed on the store's current content are keyed on.
std::string crosswalk_version_for(const std::string& content_version);

/// True when the stored alignments were computed on other content (or by another method), or
/// never.
bool crosswalks_stale(store::Store& store);

/// What a recomputation did.
struct CrosswalkRun {
  std::size_t alignments = 0;  // computed pairs stored
  std::size_t kept = 0;        // decided pairs the computation no longer produced, kept
};

/// Computes every alignment anew and stores them in one transaction: undecided ones are
/// replaced, confirmed and rejected ones keep their decision. Retried when an import lands
/// while computing, so what is stored always belongs to the content it is marked with.
/// `store` must be writable.
CrosswalkRun recompute_crosswalks(store::Store& store);

/// Recomputes when the stored alignments are stale; true when it did. One computation at a time
/// per process, so concurrent readers of a stale store compute once.
bool ensure_crosswalks(store::Store& store);

/// The alignments `filter` selects. A qualification code in sources or targets ("BK-0338",
/// "BK-0338:5") means its current version. Does not recompute (see ensure_crosswalks).
std::vector<model::Alignment> list_crosswalks(store::Store& store, store::AlignmentFilter filter);

/// What readers call: the alignments `filter` selects, computed on the store's current content.
/// When `reader` holds stale ones, they are recomputed first through a store from
/// `open_writer` (a reader is often read-only), which is only called then.
std::vector<model::Alignment> current_crosswalks(
    store::Store& reader, const std::function<std::unique_ptr<store::Store>()>& open_writer,
    const store::AlignmentFilter& filter);

/// Confirms or rejects the alignment of two refs (a qualification code means its current
/// version), noting `author` and the time; `computed` takes a decision back. Error(not_found)
/// for a pair that is not stored, Error(invalid_argument) naming the field for a malformed ref.
model::Alignment decide_crosswalk(store::Store& store, const std::string& source_ref,
                                  const std::string& target_ref, model::AlignmentStatus decision,
                                  const std::string& author);

}  // namespace vakkaart::analysis

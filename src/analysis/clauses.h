#pragma once

#include <cstddef>
#include <string_view>
#include <utility>
#include <vector>

namespace vakkaart::analysis {

/// Where a vacancy's sentence lists several duties ("Je brengt buurtbewoners samen, bouwt
/// netwerken uit met lokale partners, begeleidt vrijwilligers"), each duty is a clause, and each
/// clause is about as long as one statement of the structure. Read whole, such a sentence
/// dilutes every statement it shares a clause with below the match threshold; read clause by
/// clause, each finds its statement. The matcher reads both (the best of the two counts).
///
/// Clause boundaries: ',', ';' and ':' before a space, and a dash standing alone (" - ",
/// " – "). Nothing inside parentheses is split: a bracketed list ("(collega's, militanten,
/// achterban)") belongs to the clause around it. The conjunctions "en" / "of" were tried as
/// boundaries too (2026-12-07, on the tuning part of tests/data/vacancies only): cluster recall
/// 0.414 -> 0.419 for precision 0.879 -> 0.856, so they are not.
struct ClauseSettings {
  /// A clause needs at least this many words; shorter pieces join the clause before them
  /// (or, at the start, the one after): "plannen, organiseren en opvolgen" is one duty.
  int min_words = 3;
  /// Segments with fewer words are read whole only.
  int min_segment_words = 8;
  /// At most this many clauses per segment (the rest joins the last one): bounds the work a
  /// segment of many commas can cause.
  int max_clauses = 8;
};

/// The clauses of `text` into `spans` as [begin, end) byte ranges, in order; empty when the
/// segment is read whole only (too short, or a single clause). Linear in the text's length.
void clause_spans(std::string_view text, std::vector<std::pair<std::size_t, std::size_t>>& spans,
                  const ClauseSettings& settings = {});

}  // namespace vakkaart::analysis

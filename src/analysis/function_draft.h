#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/analysis_result.h"
#include "analysis/structure_index.h"

namespace vakkaart::analysis {

// "Maak hier een functie van": what a function made from an analysed text starts from. The
// analysis proposes it (function_draft); the page sends it back as a form, and since a form is
// whatever the client posts, checked_function_draft validates it against the structure again.

/// At most this many sources in one draft: a profile has about 30 main activities, a
/// qualification about 15 competences; more is no form of ours.
constexpr std::size_t kMaxDraftSources = 100;
/// Longest title of a function made from a draft, in characters (the form's input says the
/// same with maxlength; a proposed title is cut to as many bytes).
constexpr std::size_t kMaxDraftTitleChars = 200;

/// A function proposed from an analysis: the best candidate and its main activities (or
/// competences) that come up in the text, as the composer's SOURCE references.
struct FunctionDraft {
  std::string candidate_id;  // "campagnewerker", "BK-0338-3"
  std::string candidate_title;
  bool profile = true;
  std::string framework_id;  // profiles only
  /// "PROFILE:CLUSTER:N" or "BK-xxxx-v:N", in source order: one block each.
  std::vector<std::string> sources;
  /// The same as groups of the index (StructureIndex::groups()), for the page to name them.
  std::vector<std::uint32_t> groups;
  /// The title the form proposes: the text's first line when it reads as a job title, else
  /// the candidate's title.
  std::string title;
};

/// The draft of an analysis: nullopt when nothing was recognised or none of the best
/// candidate's main activities (competences) comes up, the same count as its coverage.
std::optional<FunctionDraft> function_draft(const AnalysisResult& result,
                                            const StructureIndex& index, std::string_view text);

/// A draft as a form sends it back: `candidate` must be a profile or qualification of the
/// index and every source one of its main activities (competences), each once, at most
/// kMaxDraftSources. Error(invalid_argument) naming the field ("candidate", "source")
/// otherwise; the title is left to the caller.
FunctionDraft checked_function_draft(const StructureIndex& index, const std::string& candidate,
                                     const std::vector<std::string>& sources);

/// A job title read from a text's first line ("Medewerker buurtwerking (m/v/x) – Gent" →
/// "Medewerker buurtwerking"); "" when the line does not read as one (a sentence, a heading
/// such as "FUNCTIEBESCHRIJVING", longer than 80 bytes).
std::string title_from_first_line(std::string_view text);

}  // namespace vakkaart::analysis

#include "analysis/function_draft.h"

#include <algorithm>
#include <array>
#include <unordered_map>
#include <unordered_set>

#include "core/error.h"
#include "text/text_utils.h"

namespace vakkaart::analysis {

namespace {

/// Titles longer than this are a sentence or an advertisement's whole first paragraph.
constexpr std::size_t kMaxLineTitleBytes = 80;

bool draft_ascii_prefix(std::string_view s, std::string_view lower_prefix) {
  if (s.size() < lower_prefix.size())
    return false;
  for (std::size_t i = 0; i < lower_prefix.size(); ++i) {
    char c = s[i];
    if (c >= 'A' && c <= 'Z')
      c = static_cast<char>(c - 'A' + 'a');
    if (c != lower_prefix[i])
      return false;
  }
  return true;
}

std::string_view first_nonblank_line(std::string_view text) {
  while (!text.empty()) {
    const auto nl = text.find('\n');
    const std::string_view line = text::trim(text.substr(0, nl));
    if (!line.empty())
      return line;
    text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
  }
  return {};
}

/// Words a first line consists of when it names the document, not the job.
bool is_document_heading(const std::string& lower) {
  static const std::array<std::string_view, 7> kHeadings = {
      "functiebeschrijving", "functieprofiel",  "functie", "vacature",
      "jobomschrijving",     "profiel gezocht", "profiel"};
  return std::find(kHeadings.begin(), kHeadings.end(), lower) != kHeadings.end();
}

std::string short_quote(const std::string& s) {
  constexpr std::size_t kShownBytes = 60;
  if (s.size() <= kShownBytes)
    return "'" + s + "'";
  return "'" + std::string(text::truncate_utf8(s, kShownBytes)) + "…'";
}

FunctionDraft draft_of_candidate(const StructureIndex& index, std::uint32_t candidate) {
  const auto& c = index.candidates()[candidate];
  FunctionDraft d;
  d.candidate_id = c.id;
  d.candidate_title = c.title;
  d.profile = c.kind == Candidate::Kind::profile;
  d.framework_id = c.framework_id;
  return d;
}

}  // namespace

std::string title_from_first_line(std::string_view text) {
  std::string title = text::collapse_whitespace(first_nonblank_line(text));
  title.erase(0, std::min(title.find_first_not_of("# "), title.size()));  // a Markdown heading
  // "Medewerker (m/v/x) – Buurthuis – Kortrijk": the job comes before the place and employer.
  for (const char* separator : {" – ", " — ", " - ", " | ", " (", ", "}) {
    const auto at = title.find(separator);
    if (at != std::string::npos)
      title.resize(at);
  }
  for (std::string_view prefix : {"vacature:", "vacature ", "gezocht:", "gezocht "}) {
    if (draft_ascii_prefix(title, prefix)) {
      title = std::string(text::trim(title.substr(prefix.size())));
      break;
    }
  }
  // A sentence or a shout ("CHAUFFEUR GEZOCHT!! nationaal transport") is no title.
  if (title.size() < 3 || title.size() > kMaxLineTitleBytes ||
      title.find_first_of(".!?;:") != std::string::npos ||
      is_document_heading(text::to_lower(title)))
    return "";
  if (text::is_upper_case_heading(title))
    return text::to_sentence_case(title);
  if (title[0] >= 'a' && title[0] <= 'z')
    title[0] = static_cast<char>(title[0] - 'a' + 'A');
  return title;
}

std::optional<FunctionDraft> function_draft(const AnalysisResult& result,
                                            const StructureIndex& index, std::string_view text) {
  if (result.best_candidate < 0 || result.candidates.empty())
    return std::nullopt;
  const auto& top = result.candidates.front();
  FunctionDraft d = draft_of_candidate(index, top.candidate);
  // Exactly what the coverage figure counts: a group comes up when one of its statements did.
  for (const auto& g : top.groups) {
    if (g.matched == 0 || d.sources.size() == kMaxDraftSources)
      continue;
    d.sources.push_back(index.groups()[g.index].ref);
    d.groups.push_back(g.index);
  }
  if (d.sources.empty())
    return std::nullopt;
  d.title = title_from_first_line(text);
  if (d.title.empty())
    d.title = d.candidate_title;
  d.title = std::string(text::truncate_utf8(d.title, kMaxDraftTitleChars));
  return d;
}

FunctionDraft checked_function_draft(const StructureIndex& index, const std::string& candidate,
                                     const std::vector<std::string>& sources) {
  if (candidate.empty())
    throw Error(ErrorCode::invalid_argument,
                "missing field 'candidate' (the profile or qualification the function starts from)",
                {"", 0, "candidate"});
  const std::int64_t c = index.find_candidate(candidate);
  if (c < 0)
    throw Error(ErrorCode::invalid_argument,
                short_quote(candidate) + " is no profile or qualification of the structure",
                {"", 0, "candidate"});
  FunctionDraft d = draft_of_candidate(index, static_cast<std::uint32_t>(c));
  if (sources.empty())
    throw Error(ErrorCode::invalid_argument,
                "name at least one main activity or competence ('source')", {"", 0, "source"});
  if (sources.size() > kMaxDraftSources)
    throw Error(ErrorCode::too_large,
                std::to_string(sources.size()) + " sources; a function is made from at most " +
                    std::to_string(kMaxDraftSources),
                {"", 0, "source"});
  // Source order: the candidate's groups as the structure lists them.
  std::unordered_map<std::string, std::size_t> place;
  const auto& groups = index.candidates()[static_cast<std::size_t>(c)].groups;
  for (std::size_t k = 0; k < groups.size(); ++k)
    place.emplace(index.groups()[groups[k]].ref, k);
  std::unordered_set<std::string> seen;
  std::vector<std::size_t> chosen;
  for (const auto& s : sources) {
    const auto it = place.find(s);
    if (it == place.end())
      throw Error(ErrorCode::invalid_argument,
                  short_quote(s) + " is not a " +
                      (d.profile ? "main activity of profile " : "competence of qualification ") +
                      short_quote(d.candidate_id),
                  {"", 0, "source"});
    if (!seen.insert(s).second)
      throw Error(ErrorCode::invalid_argument, short_quote(s) + " is named twice",
                  {"", 0, "source"});
    chosen.push_back(it->second);
  }
  std::sort(chosen.begin(), chosen.end());
  for (auto k : chosen) {
    d.sources.push_back(index.groups()[groups[k]].ref);
    d.groups.push_back(groups[k]);
  }
  d.title = d.candidate_title;
  return d;
}

}  // namespace vakkaart::analysis

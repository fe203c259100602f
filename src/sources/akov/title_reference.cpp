#include "sources/akov/title_reference.h"

#include <regex>

#include "text/text_utils.h"

namespace vakkaart::sources::akov {
namespace {

/// Quotes, brackets, dashes and a final period around a name are the note's punctuation, not
/// part of the name ("G160201 - 'Syndicaal deskundige'." names "Syndicaal deskundige").
std::string bare_name(std::string name) {
  static const std::string edge = " \t-:;,.'\"()[]\xE2\x80\x98\xE2\x80\x99\xE2\x80\x9C\xE2\x80\x9D";
  auto first = name.find_first_not_of(edge);
  if (first == std::string::npos)
    return "";
  auto last = name.find_last_not_of(edge);
  name = name.substr(first, last - first + 1);
  // A closing bracket or quote that belongs to the name stays ("Adviseur (junior)").
  for (auto [open, close] : {std::pair{'(', ')'}, std::pair{'[', ']'}}) {
    if (name.find(open) != std::string::npos && name.find(close) == std::string::npos)
      name += close;
  }
  return name;
}

/// "niet" or "geen" as a word: the title does not occur in the fiche or profile.
bool denies_use(const std::string& lower) {
  static const std::regex negation(R"((^|[^a-z])(niet|geen)([^a-z]|$))");
  return std::regex_search(lower, negation);
}

}  // namespace

bool is_title_note(std::string_view line) {
  return text::starts_with(text::to_lower(text::collapse_whitespace(line)), "deze benaming ");
}

std::optional<model::TitleReference> read_title_reference(std::string_view note) {
  const std::string line = text::collapse_whitespace(note);
  const std::string lower = text::ascii_lower(line);
  model::TitleReference reference;
  reference.note = line;
  reference.title_used = !denies_use(lower);
  // "Competent-fiche", "Competent fiche", "Competentfiche", "Competent-fiches".
  static const std::regex fiche(R"(competent[- ]?fiches?)");
  static const std::regex profile(R"((beroepscompetentieprofiel|sectorprofiel|beroepsprofiel)\b)");
  std::smatch match;
  if (std::regex_search(lower, match, fiche)) {
    reference.kind = model::ReferenceKind::competent_fiche;
    // The fiche's code: a capital letter and four to six digits ("G160201", "K1403").
    static const std::regex code(R"(\b([A-Z]\d{4,6})\b)");
    const std::string after = line.substr(match.position() + match.length());
    std::smatch code_match;
    if (std::regex_search(after, code_match, code)) {
      reference.code = code_match.str(1);
      reference.name = bare_name(code_match.suffix().str());
    }
    return reference;
  }
  if (std::regex_search(lower, match, profile)) {
    reference.kind = model::ReferenceKind::sector_profile;
    // "… beroepscompetentieprofiel van Constructiv": the sector body follows "van (de|het)".
    static const std::regex of(R"(^\s*(van|uit)\s+((de|het)\s+)?)");
    const std::string after = line.substr(match.position() + match.length());
    const std::string after_lower = lower.substr(match.position() + match.length());
    std::smatch of_match;
    if (std::regex_search(after_lower, of_match, of))
      reference.name = bare_name(after.substr(of_match.length()));
    else
      reference.name = bare_name(after);
    return reference;
  }
  return std::nullopt;
}

}  // namespace vakkaart::sources::akov

#include "sources/akov/older_pieces.h"

#include <algorithm>
#include <regex>

#include "text/text_utils.h"

namespace vakkaart::sources::akov {
namespace {

struct NamedHeading {
  const char* name;    // lower case, without number
  const char* modern;  // the modern layout's heading ("" when it has none)
  OlderSection section;
};
// The decree annexes ("1. GLOBAAL", "a. Titel", "d. Jaartal", "2.1 Opsomming competenties") and
// the dossier exports ("1.1 TITEL", "2.1 OPSOMMING COMPETENTIES") name the modern sections with
// a number in front, and some by an older name.
constexpr NamedHeading kHeadings[] = {
    {"globaal", "Globaal", OlderSection::group},
    {"titel", "Titel", OlderSection::free_text},
    {"definitie", "Definitie", OlderSection::free_text},
    {"niveau", "Niveau (VKS en EQF)", OlderSection::free_text},
    {"niveau (vks en eqf)", "Niveau (VKS en EQF)", OlderSection::free_text},
    {"jaartal", "Jaar van erkenning", OlderSection::free_text},
    {"jaar van erkenning", "Jaar van erkenning", OlderSection::free_text},
    {"competenties", "Competenties", OlderSection::group},
    {"opsomming competenties", "Opsomming competenties", OlderSection::competences},
    {"beschrijving competenties a.d.h.v. de descriptorelementen",
     "Beschrijving competenties a.d.h.v. de descriptorelementen", OlderSection::group},
    {"beschrijving competenties aan de hand van de descriptorelementen",
     "Beschrijving competenties a.d.h.v. de descriptorelementen", OlderSection::group},
    {"kennis", "Kennis", OlderSection::group},
    {"algemene kennis", "Algemene kennis", OlderSection::list},
    {"specifieke kennis", "Specifieke kennis", OlderSection::list},
    {"vaardigheden", "Vaardigheden", OlderSection::group},
    {"cognitieve vaardigheden", "Cognitieve vaardigheden", OlderSection::list},
    {"probleemoplossende vaardigheden", "Probleemoplossende vaardigheden", OlderSection::list},
    {"motorische vaardigheden", "Motorische vaardigheden", OlderSection::list},
    {"context", "", OlderSection::group},
    {"omgevingscontext", "Omgevingscontext", OlderSection::list},
    {"handelingscontext", "Handelingscontext", OlderSection::list},
    {"autonomie", "Autonomie", OlderSection::group},
    {"is zelfstandig in", "Is zelfstandig in", OlderSection::list},
    {"is gebonden aan", "Is gebonden aan", OlderSection::list},
    {"doet beroep op", "Doet beroep op", OlderSection::list},
    {"verantwoordelijkheid", "Verantwoordelijkheid", OlderSection::list},
    {"attesten", "Attesten en voorwaarden", OlderSection::free_text},
    {"attesten en voorwaarden", "Attesten en voorwaarden", OlderSection::free_text},
    {"wettelijke attesten en voorwaarden", "Wettelijke attesten en voorwaarden",
     OlderSection::free_text},
};

// A heading's number: "1.", "2.1", "2.2.1.1", or a letter of the decrees' "a. Titel".
constexpr const char* kNumber = R"((?:\d+(?:\.\d+)*\.?|[a-h][.)]))";

// Bullets a page may put anywhere on a flattened line (Word's symbol-font bullets come through
// as private-use characters).
constexpr std::string_view kInlineBullets[] = {"\xE2\x80\xA2", "\xEF\x82\xB7", "\xEF\x82\xA7",
                                               "\xE2\x97\xA6", "\xE2\x96\xAA"};
// Bullets only at the start of a piece ("o" and "-" are also plain text inside a line).
constexpr std::string_view kLeadingBullets[] = {"\xE2\x80\xA2",
                                                "\xEF\x82\xB7",
                                                "\xEF\x82\xA7",
                                                "\xE2\x97\xA6",
                                                "\xE2\x96\xAA",
                                                "\xC2\xB7",
                                                "-",
                                                "\xE2\x80\x93",
                                                "*",
                                                "o"};

std::string escape_regex(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (std::string_view(R"(\^$.|?*+()[]{})").find(c) != std::string_view::npos)
      out += '\\';
    out += c;
  }
  return out;
}

/// "1. GLOBAAL", "2.1 Opsomming competenties", "d. Jaartal" inside a flattened line.
const std::regex& numbered_heading_in_line() {
  static const std::regex re = [] {
    std::vector<std::string> names;
    for (const auto& h : kHeadings)
      names.push_back(escape_regex(h.name));
    // Longest first: "Attesten en voorwaarden" before "Attesten".
    std::sort(names.begin(), names.end(),
              [](const auto& a, const auto& b) { return a.size() > b.size(); });
    std::string alternation;
    for (const auto& n : names)
      alternation += (alternation.empty() ? "" : "|") + n;
    return std::regex(
        std::string(R"((^|\s)()") + kNumber + R"(\s+(?:)" + alternation + R"())(?=$|[\s:]))",
        std::regex::icase);
  }();
  return re;
}

void add_cut(std::vector<std::size_t>& cuts, std::size_t at) {
  cuts.push_back(at);
}

}  // namespace

std::optional<OlderHeading> older_heading(std::string_view piece) {
  static const std::regex numbered(std::string("^(") + kNumber + R"()\s+(.+)$)");
  const std::string text = text::collapse_whitespace(piece);
  if (text.empty() || text.size() > 120)
    return std::nullopt;
  std::string rest = text;
  std::string number;
  std::smatch match;
  if (std::regex_match(text, match, numbered)) {
    number = match.str(1);
    rest = match.str(2);
  }
  while (!rest.empty() && (rest.back() == ':' || rest.back() == ' '))
    rest.pop_back();
  const std::string key = text::to_lower(rest);
  for (const auto& heading : kHeadings) {
    if (key == heading.name)
      return OlderHeading{heading.modern, heading.section};
  }
  // A numbered heading we do not know: only with a digit number (a letter may start a list
  // item), short, starting with a letter, without the final punctuation of a sentence.
  const bool digit_number = !number.empty() && number[0] >= '0' && number[0] <= '9';
  if (!digit_number || rest.size() > 60 || rest.empty())
    return std::nullopt;
  const char last = rest.back();
  const bool letter_first = static_cast<unsigned char>(rest[0]) >= 0x80 ||
                            (rest[0] >= 'A' && rest[0] <= 'Z') ||
                            (rest[0] >= 'a' && rest[0] <= 'z');
  if (!letter_first || last == '.' || last == ',' || last == ';')
    return std::nullopt;
  return OlderHeading{rest, OlderSection::unknown};
}

std::vector<std::string> split_pieces(std::string_view line) {
  // The competence groups, and the dossier's label (its title follows it on a flattened line).
  static const std::regex group(
      R"(BASISACTIVITEITEN|SPECIFIEKE ACTIVITEITEN|BEROEPSKWALIFICATIEDOSSIER)");
  static const std::regex knowledge(R"(met inbegrip van (de )?kennis( van)?\s*:?)",
                                    std::regex::icase);
  static const std::regex code(R"(\(\s*co\s*\d{3,6}\s*\))", std::regex::icase);
  const std::string text(line);
  std::vector<std::size_t> cuts;
  using It = std::sregex_iterator;
  int headings = 0;
  for (It it(text.begin(), text.end(), numbered_heading_in_line()), end; it != end; ++it) {
    add_cut(cuts, static_cast<std::size_t>(it->position(2)));
    add_cut(cuts, static_cast<std::size_t>(it->position(2) + it->length(2)));
    ++headings;
  }
  // A page flattened onto one line as it was keeps its "o" and "-" bullets between spaces: on
  // such a line (two numbered headings or more) they start an item before a capital letter, so
  // a dash inside a sentence stays.
  static const std::regex sub_bullet("\\s(o|-|\xE2\x80\x93)\\s+(?=[A-Z])");
  for (It it(text.begin(), text.end(), sub_bullet), end; headings >= 2 && it != end; ++it)
    add_cut(cuts, static_cast<std::size_t>(it->position(1)));
  for (const auto* re : {&group, &knowledge}) {
    for (It it(text.begin(), text.end(), *re), end; it != end; ++it) {
      add_cut(cuts, static_cast<std::size_t>(it->position()));
      add_cut(cuts, static_cast<std::size_t>(it->position() + it->length()));
    }
  }
  // A rule ("////…") flattened into the line, as a dossier export copied onto one line has it.
  static const std::regex rule(R"(/{4,})");
  for (It it(text.begin(), text.end(), rule), end; it != end; ++it) {
    add_cut(cuts, static_cast<std::size_t>(it->position()));
    add_cut(cuts, static_cast<std::size_t>(it->position() + it->length()));
  }
  for (It it(text.begin(), text.end(), code), end; it != end; ++it)
    add_cut(cuts, static_cast<std::size_t>(it->position() + it->length()));
  for (auto bullet : kInlineBullets) {
    for (auto at = text.find(bullet); at != std::string::npos; at = text.find(bullet, at + 1))
      add_cut(cuts, at);
  }
  cuts.push_back(0);
  cuts.push_back(text.size());
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
  std::vector<std::string> pieces;
  for (std::size_t i = 0; i + 1 < cuts.size(); ++i) {
    std::string piece =
        text::collapse_whitespace(std::string_view(text).substr(cuts[i], cuts[i + 1] - cuts[i]));
    if (!piece.empty())
      pieces.push_back(std::move(piece));
  }
  return pieces;
}

std::optional<std::string> bullet_item(std::string_view piece) {
  piece = text::trim(piece);
  for (auto bullet : kLeadingBullets) {
    if (!text::starts_with(piece, bullet))
      continue;
    const auto rest = piece.substr(bullet.size());
    if (rest.empty())
      return std::string();
    if (rest[0] == ' ' || rest[0] == '\t' || text::starts_with(rest, "\xC2\xA0"))
      return text::collapse_whitespace(rest);
  }
  return std::nullopt;
}

bool is_competence_group(std::string_view piece) {
  const std::string text = text::collapse_whitespace(piece);
  return text == "BASISACTIVITEITEN" || text == "SPECIFIEKE ACTIVITEITEN";
}

bool is_knowledge_marker(std::string_view piece) {
  static const std::regex marker(R"(^met inbegrip van (de )?kennis( van)?\s*:?$)",
                                 std::regex::icase);
  return std::regex_match(text::collapse_whitespace(piece), marker);
}

std::optional<CodedTitle> coded_competence(std::string_view item) {
  static const std::regex coded(R"(^(.*\S)\s*\(\s*(co\s*\d{3,6})\s*\)$)", std::regex::icase);
  const std::string text = text::collapse_whitespace(item);
  std::smatch match;
  if (!std::regex_match(text, match, coded))
    return std::nullopt;
  return CodedTitle{match.str(1), match.str(2)};
}

bool is_rule(std::string_view piece) {
  const auto text = text::trim(piece);
  if (text.size() < 4)
    return false;
  const char c = text[0];
  if (c != '/' && c != '-' && c != '_' && c != '=')
    return false;
  return std::all_of(text.begin(), text.end(), [c](char x) { return x == c; });
}

}  // namespace vakkaart::sources::akov

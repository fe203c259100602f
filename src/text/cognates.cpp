#include "text/cognates.h"

#include <algorithm>
#include <array>

namespace vakkaart::text {
namespace {

struct Correspondence {
  std::string_view foreign;  // ending of the English or French word
  std::string_view dutch;    // ending of the Dutch word
};

// Longer endings first: the first that fits decides a word's candidates ("organization" is read
// as -ization, never as -ation or -tion). Several lines for one ending are alternatives.
constexpr std::array kCorrespondences = {
    Correspondence{"izations", "isaties"}, Correspondence{"isations", "isaties"},
    Correspondence{"ization", "isatie"},   Correspondence{"isation", "isatie"},
    Correspondence{"ations", "aties"},     Correspondence{"ation", "atie"},
    Correspondence{"tions", "ties"},       Correspondence{"tion", "tie"},
    Correspondence{"sions", "sies"},       Correspondence{"sion", "sie"},
    Correspondence{"ities", "iteiten"},    Correspondence{"ity", "iteit"},
    Correspondence{"ites", "iteiten"},     Correspondence{"ite", "iteit"},  // French -ité
    Correspondence{"izing", "iseren"},     Correspondence{"ising", "iseren"},
    Correspondence{"ize", "iseren"},       Correspondence{"ise", "iseren"},
    Correspondence{"iser", "iseren"},      Correspondence{"ating", "eren"},
    Correspondence{"ate", "eren"},         Correspondence{"isms", "ismen"},
    Correspondence{"ism", "isme"},         Correspondence{"ical", "isch"},
    Correspondence{"ical", "iek"},         Correspondence{"ique", "iek"},
    Correspondence{"ique", "isch"},        Correspondence{"ics", "iek"},
    Correspondence{"ic", "isch"},          Correspondence{"ives", "ieven"},
    Correspondence{"ive", "ief"},          Correspondence{"if", "ief"},
    Correspondence{"elle", "eel"},         Correspondence{"al", "eel"},
    Correspondence{"al", "aal"},           Correspondence{"el", "eel"},
    Correspondence{"ences", "enties"},     Correspondence{"ence", "entie"},
    Correspondence{"ances", "anties"},     Correspondence{"ance", "antie"},
    Correspondence{"ies", "ieen"},         Correspondence{"y", "ie"},
    Correspondence{"ing", "en"},           Correspondence{"er", "eren"},
};

// The stem left before the ending must be a word's worth: "ate" alone, or "al" of "bal", is no
// learned word.
constexpr std::size_t kMinStem = 3;

}  // namespace

std::vector<std::string> dutch_cognates(std::string_view folded) {
  std::vector<std::string> out;
  std::string_view matched;
  for (const auto& c : kCorrespondences) {
    if (!matched.empty() && c.foreign != matched)
      break;  // only the alternatives of the first ending that fits
    if (folded.size() < c.foreign.size() + kMinStem ||
        folded.substr(folded.size() - c.foreign.size()) != c.foreign)
      continue;
    matched = c.foreign;
    std::string candidate(folded.substr(0, folded.size() - c.foreign.size()));
    candidate += c.dutch;
    if (candidate != folded && std::find(out.begin(), out.end(), candidate) == out.end())
      out.push_back(std::move(candidate));
  }
  return out;
}

}  // namespace vakkaart::text

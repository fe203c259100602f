#include "text/hunspell_affixes.h"

#include <fstream>
#include <sstream>

#include "text/fold.h"

namespace vakkaart::text {

std::vector<std::string_view> HunspellPrefixes::flags(std::string_view field) const {
  std::vector<std::string_view> out;
  if (flag_width == 0)
    return out;
  for (std::size_t i = 0; i + flag_width <= field.size(); i += flag_width)
    out.emplace_back(field.substr(i, flag_width));
  return out;
}

HunspellPrefixes read_hunspell_prefixes(const std::string& aff_path) {
  HunspellPrefixes prefixes;
  std::ifstream in(aff_path);
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::string keyword, flag, strip, add;
    fields >> keyword;
    if (keyword == "FLAG") {
      std::string type;
      fields >> type;
      prefixes.flag_width = type == "long" ? 2 : 0;
    } else if (keyword == "PFX" && fields >> flag >> strip >> add) {
      // The header line of a rule set reads "PFX flag Y count": its "add" is a number.
      if (strip == "0" && add.find_first_of("0123456789/") == std::string::npos)
        prefixes.prefix_of_flag[flag] = fold(add);
    }
  }
  return prefixes;
}

}  // namespace vakkaart::text

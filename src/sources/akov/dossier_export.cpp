#include "sources/akov/dossier_export.h"

#include <regex>

#include "sources/akov/older_layout.h"

namespace vakkaart::sources {

bool looks_like_bk_dossier_export(std::string_view text) {
  // Only the head: the two headings open the dossier, after its title and rule.
  static const std::regex globaal(R"((^|\s)1\.\s+GLOBAAL(\s|$))", std::regex::icase);
  static const std::regex titel(R"((^|\s)1\.1\s+TITEL(\s|$))", std::regex::icase);
  const std::string head(text.substr(0, 8192));
  std::smatch first;
  if (!std::regex_search(head, first, globaal))
    return false;
  const std::string after = first.suffix();
  return std::regex_search(after, titel);
}

ParseResult parse_bk_dossier_export(std::string_view text, const std::string& file_name) {
  return akov::parse_older_layout(text, file_name, akov::OlderLayout::dossier_export);
}

}  // namespace vakkaart::sources

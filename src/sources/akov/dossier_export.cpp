#include "sources/akov/dossier_export.h"

#include <regex>

#include "sources/akov/older_layout.h"

namespace vakkaart::sources {

bool looks_like_bk_dossier_export(std::string_view text) {
  // Only the head: the two headings open the dossier, after its title and rule.
  static const std::regex titel(R"((^|\s)1\.1\s+TITEL(\s|$))", std::regex::icase);
  return akov::head_opens_with_globaal_then(text, titel);
}

ParseResult parse_bk_dossier_export(std::string_view text, const std::string& file_name) {
  return akov::parse_older_layout(text, file_name, akov::OlderLayout::dossier_export);
}

}  // namespace vakkaart::sources

#include "sources/akov/decree_annex.h"

#include <regex>

#include "sources/akov/older_layout.h"

namespace vakkaart::sources {

bool looks_like_bk_decree_annex(std::string_view text) {
  // Only the head: the two headings open the annex.
  static const std::regex titel(R"((^|\s)a[.)]\s+Titel(\s|$))", std::regex::icase);
  return akov::head_opens_with_globaal_then(text, titel);
}

ParseResult parse_bk_decree_annex(std::string_view text, const std::string& file_name) {
  return akov::parse_older_layout(text, file_name, akov::OlderLayout::decree_annex);
}

}  // namespace vakkaart::sources

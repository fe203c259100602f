#include "sources/akov/decree_annex.h"

#include <regex>

#include "sources/akov/older_layout.h"

namespace vakkaart::sources {

bool looks_like_bk_decree_annex(std::string_view text) {
  // Only the head: the two headings open the annex.
  static const std::regex globaal(R"((^|\s)1\.\s+GLOBAAL(\s|$))", std::regex::icase);
  static const std::regex titel(R"((^|\s)a[.)]\s+Titel(\s|$))", std::regex::icase);
  const std::string head(text.substr(0, 8192));
  std::smatch first;
  if (!std::regex_search(head, first, globaal))
    return false;
  const std::string after = first.suffix();
  return std::regex_search(after, titel);
}

ParseResult parse_bk_decree_annex(std::string_view text, const std::string& file_name) {
  return akov::parse_older_layout(text, file_name, akov::OlderLayout::decree_annex);
}

}  // namespace vakkaart::sources

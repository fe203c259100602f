#include "sources/akov/line_shapes.h"

#include <regex>

#include "text/text_utils.h"

namespace vakkaart::sources::akov {

std::vector<std::string> header_parts(const std::string& line) {
  static constexpr std::string_view separator = " \xE2\x80\xA2 ";
  std::vector<std::string> parts;
  std::size_t from = 0;
  for (auto at = line.find(separator); at != std::string::npos; at = line.find(separator, from)) {
    if (!text::trim(std::string_view(line).substr(from, at - from)).empty())
      parts.emplace_back(line.substr(from, at - from));
    from = at + separator.size();
  }
  parts.emplace_back(line.substr(from));
  return parts;
}

bool continues_item(const std::string& previous, const std::string& next) {
  if (previous.empty() || next.empty() || next[0] < 'a' || next[0] > 'z')
    return false;
  const char last = previous.back();
  return last != '.' && last != ';' && last != ':' && last != '!' && last != '?';
}

bool says_withdrawn(std::string_view line) {
  static const std::regex word(R"((^|[^A-Za-z])(opgeheven|ingetrokken)([^A-Za-z]|$))",
                               std::regex::icase);
  return std::regex_search(std::string(line), word);
}

}  // namespace vakkaart::sources::akov

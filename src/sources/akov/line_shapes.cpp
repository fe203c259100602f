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

bool is_skip_link(std::string_view line) {
  return text::to_lower(text::collapse_whitespace(line)) == "skip to main content";
}

std::optional<std::string_view> bullet_text(std::string_view line) {
  line = text::trim(line);
  for (std::string_view bullet : {"\xE2\x80\xA2", "\xC2\xB7", "-", "*"}) {
    if (text::starts_with(line, bullet) && line.size() > bullet.size() &&
        (line[bullet.size()] == ' ' || line[bullet.size()] == '\t')) {
      return text::trim(line.substr(bullet.size()));
    }
  }
  if (line == "\xE2\x80\xA2")
    return std::string_view{};
  return std::nullopt;
}

bool starts_with_space(std::string_view line) {
  return !line.empty() &&
         (line[0] == ' ' || line[0] == '\t' || text::starts_with(line, "\xC2\xA0"));
}

bool looks_like_heading(std::string_view line) {
  const std::string text = text::collapse_whitespace(line);
  if (text.empty() || text.size() > 60)
    return false;
  const char last = text.back();
  return last != '.' && last != ':' && last != ',' && last != ';';
}

}  // namespace vakkaart::sources::akov

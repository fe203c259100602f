#include "text/word_lists.h"

#include <cstdlib>
#include <fstream>

#include "core/error.h"
#include "text/fold.h"
#include "text/text_utils.h"

namespace vakkaart::text {
namespace {

/// The lines of a word list without comments and blank lines, with their line numbers.
std::vector<std::pair<int, std::string>> content_lines(const std::string& path) {
  std::ifstream in(path);
  if (!in)
    throw Error(ErrorCode::not_found, "cannot read word list", {path, 0, ""});
  std::vector<std::pair<int, std::string>> lines;
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    const auto hash = line.find('#');
    const auto content = trim(std::string_view(line).substr(0, hash));
    if (!content.empty())
      lines.emplace_back(number, std::string(content));
  }
  return lines;
}

}  // namespace

std::unordered_set<std::string> load_stopwords(const std::string& path) {
  std::unordered_set<std::string> words;
  for (const auto& [number, content] : content_lines(path))
    words.insert(fold(content));
  return words;
}

std::unordered_map<std::string, std::vector<std::string>> load_synonyms(const std::string& path) {
  std::unordered_map<std::string, std::vector<std::string>> synonyms;
  for (const auto& [number, content] : content_lines(path)) {
    std::vector<std::string> group;
    std::string_view rest = content;
    while (true) {
      const auto tilde = rest.find('~');
      const auto word = trim(rest.substr(0, tilde));
      if (word.empty() || word.find(' ') != std::string_view::npos) {
        throw Error(ErrorCode::parse_error,
                    "a synonym group is words separated by \" ~ \", one word each",
                    {path, number, ""});
      }
      group.push_back(fold(word));
      if (tilde == std::string_view::npos)
        break;
      rest = rest.substr(tilde + 1);
    }
    if (group.size() < 2) {
      throw Error(ErrorCode::parse_error, "a synonym group needs at least two words",
                  {path, number, ""});
    }
    for (const auto& word : group) {
      auto& others = synonyms[word];
      for (const auto& other : group) {
        if (other != word)
          others.push_back(other);
      }
    }
  }
  return synonyms;
}

std::string data_dir() {
  if (const char* env = std::getenv("VAKKAART_DATA_DIR"); env != nullptr && *env != '\0') {
    return env;
  }
  return VAKKAART_DATA_DIR;
}

}  // namespace vakkaart::text

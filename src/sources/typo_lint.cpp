#include "sources/typo_lint.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

namespace vakkaart::sources {

namespace {

std::vector<std::string> words_of(const std::string& s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    size_t j = s.find(' ', i);
    if (j == std::string::npos)
      j = s.size();
    if (j > i)
      out.push_back(s.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

/// True when a and b differ by one substitution, insertion, deletion or adjacent swap (bytes).
bool one_edit_apart(const std::string& a, const std::string& b) {
  if (a == b)
    return false;
  const std::string& s = a.size() <= b.size() ? a : b;
  const std::string& l = a.size() <= b.size() ? b : a;
  if (l.size() - s.size() > 1)
    return false;
  size_t i = 0;
  while (i < s.size() && s[i] == l[i])
    ++i;
  if (s.size() == l.size()) {
    if (s.compare(i + 1, std::string::npos, l, i + 1, std::string::npos) == 0)
      return true;
    return i + 1 < s.size() && s[i] == l[i + 1] && s[i + 1] == l[i] &&
           s.compare(i + 2, std::string::npos, l, i + 2, std::string::npos) == 0;
  }
  return s.compare(i, std::string::npos, l, i + 1, std::string::npos) == 0;
}

}  // namespace

std::vector<ReportNote> lint_typos(const std::vector<std::string>& statements,
                                   const std::string& file_name) {
  std::unordered_map<std::string, int> word_count;
  std::set<std::string> distinct(statements.begin(), statements.end());
  std::vector<std::vector<std::string>> split;
  for (const auto& s : distinct) {
    split.push_back(words_of(s));
    for (const auto& w : split.back())
      ++word_count[w];
  }
  // Sentences that agree everywhere but at position i share the key "words with i blanked".
  std::unordered_map<std::string, std::vector<std::pair<size_t, size_t>>> by_gap;
  for (size_t s = 0; s < split.size(); ++s) {
    const auto& w = split[s];
    for (size_t i = 0; i < w.size(); ++i) {
      std::string key = std::to_string(i) + "|";
      for (size_t k = 0; k < w.size(); ++k)
        key += (k == i ? std::string("\x01") : w[k]) + " ";
      by_gap[key].emplace_back(s, i);
    }
  }
  std::map<std::string, std::string> suspects;  // rarer word -> more common word
  for (const auto& [key, group] : by_gap) {
    for (size_t a = 0; a < group.size(); ++a)
      for (size_t b = a + 1; b < group.size(); ++b) {
        const auto& wa = split[group[a].first][group[a].second];
        const auto& wb = split[group[b].first][group[b].second];
        if (wa.size() < 4 || wb.size() < 4 || !one_edit_apart(wa, wb))
          continue;
        int ca = word_count[wa], cb = word_count[wb];
        if (ca == cb)
          continue;  // no way to tell which spelling is the odd one
        suspects[ca < cb ? wa : wb] = ca < cb ? wb : wa;
      }
  }
  std::vector<ReportNote> notes;
  for (const auto& [rare, common] : suspects)
    notes.push_back({ReportNote::Kind::warning,
                     "suspected typo, text kept as is: '" + rare +
                         "' where similar sentences say '" + common + "'",
                     {file_name, 0, ""}});
  return notes;
}

}  // namespace vakkaart::sources

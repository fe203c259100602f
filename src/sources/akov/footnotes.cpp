#include "sources/akov/footnotes.h"

#include <algorithm>
#include <regex>

#include "text/text_utils.h"

namespace vakkaart::sources::akov {

std::optional<FootnoteLine> footnote_line(std::string_view line) {
  static const std::regex footnote(R"(^(\*{1,3}|\(\d{1,2}\))\s*(\S.*)$)");
  const std::string text = text::collapse_whitespace(line);
  std::smatch match;
  if (!std::regex_match(text, match, footnote))
    return std::nullopt;
  return FootnoteLine{match.str(1), match.str(2)};
}

bool carries_mark(std::string_view text, std::string_view mark) {
  if (mark.empty())
    return false;
  if (mark.front() != '*')
    return text.find(mark) != std::string_view::npos;
  for (std::size_t at = text.find('*'); at != std::string_view::npos;) {
    std::size_t end = at;
    while (end < text.size() && text[end] == '*')
      ++end;
    if (end - at == mark.size())
      return true;
    at = text.find('*', end);
  }
  return false;
}

void FootnoteLinker::saw_place(const std::string& path) {
  if (places_.empty() || places_.back() != path)
    places_.push_back(path);
}

std::vector<std::string> FootnoteLinker::unclaimed(const model::Qualification& q,
                                                   const std::string& mark) const {
  std::vector<std::string> out;
  const auto from = claimed_upto_.count(mark) ? claimed_upto_.at(mark) : 0;
  for (std::size_t i = from; i < places_.size(); ++i) {
    const std::string* text = model::text_at(q, places_[i]);
    // A place seen twice (a wrapped or joined text) is linked once.
    if (text != nullptr && carries_mark(*text, mark) &&
        std::find(out.begin(), out.end(), places_[i]) == out.end())
      out.push_back(places_[i]);
  }
  return out;
}

bool FootnoteLinker::referenced(const model::Qualification& q, const std::string& mark) const {
  return !unclaimed(q, mark).empty();
}

void FootnoteLinker::add(model::Qualification& q, FootnoteLine line) {
  model::Footnote note{line.mark, std::move(line.text), unclaimed(q, line.mark)};
  claimed_upto_[note.mark] = places_.size();
  q.footnotes.push_back(std::move(note));
}

bool FootnoteLinker::repeats(const model::Qualification& q, const FootnoteLine& line) {
  for (const auto& note : q.footnotes) {
    if (note.mark == line.mark && note.text.substr(0, note.text.find('\n')) == line.text)
      return true;
  }
  return false;
}

}  // namespace vakkaart::sources::akov

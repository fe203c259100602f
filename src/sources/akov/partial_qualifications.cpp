#include "sources/akov/partial_qualifications.h"

#include <algorithm>
#include <charconv>
#include <regex>

#include "core/error.h"
#include "text/text_utils.h"

namespace vakkaart::sources::akov {
namespace {

/// "Deelkwalificatie 1: Onthaalmedewerker" -> "Onthaalmedewerker"; brackets, dashes and colons
/// around a title that shares its line with the code are the line's punctuation.
std::string bare_title(const std::string& text) {
  static const std::regex prefix(R"(^deelkwalificatie(\s+\d+)?\s*[:.\-]?\s*)", std::regex::icase);
  std::string out = std::regex_replace(text, prefix, "");
  static const std::string edge = " \t-:;,()[]\xE2\x80\x93";
  const auto first = out.find_first_not_of(edge);
  if (first == std::string::npos)
    return "";
  return out.substr(first, out.find_last_not_of(edge) - first + 1);
}

/// The numbers of "1, 2 en 5", "3-6", "3 t.e.m. 6"; empty when a number is out of range.
std::vector<int> numbers_of(const std::string& list) {
  static const std::regex part(
      R"((\d{1,4})(\s*(?:-|\xE2\x80\x93|t\.e\.m\.|tot en met)\s*(\d{1,4}))?)");
  std::vector<int> out;
  for (std::sregex_iterator it(list.begin(), list.end(), part), end; it != end; ++it) {
    const int from = std::stoi(it->str(1));
    const int to = (*it)[3].matched ? std::stoi(it->str(3)) : from;
    for (int n = from; n <= to && out.size() < 1000; ++n)
      out.push_back(n);
  }
  return out;
}

}  // namespace

bool PartialQualificationsReader::add(const std::string& content, int line) {
  static const std::regex code(R"(\bBKD-\d{4}-\d+-DBK-\d+\b)");
  static const std::regex competences(
      R"(^competenties?\s*:?\s*(\d{1,4}(?:\s*(?:,|en|&|-|\xE2\x80\x93|t\.e\.m\.|tot en met)\s*\d{1,4})*)\s*(?:[:.\-]\s*(.*))?$)",
      std::regex::icase);
  std::smatch match;
  if (std::regex_search(content, match, code)) {
    Pending next;
    next.partial.code = match.str();
    next.line = line;
    next.partial.title = bare_title(match.prefix().str() + " " + match.suffix().str());
    if (next.partial.title.empty())
      next.partial.title = title_before_code_;
    expect_title_ = next.partial.title.empty();
    title_before_code_.clear();
    pending_.push_back(std::move(next));
    return true;
  }
  if (std::regex_match(content, match, competences)) {
    if (pending_.empty())
      return false;
    const auto numbers = numbers_of(match.str(1));
    const bool one = numbers.size() == 1;
    for (int n : numbers)
      pending_.back().numbers.push_back(
          {n, one ? text::collapse_whitespace(match.str(2)) : "", line});
    expect_title_ = false;
    return true;
  }
  if (expect_title_ && !pending_.empty()) {
    pending_.back().partial.title = bare_title(content);
    expect_title_ = false;
    return true;
  }
  // A title line that comes before its code.
  if (title_before_code_.empty() && (pending_.empty() || !pending_.back().numbers.empty())) {
    title_before_code_ = bare_title(content);
    return !title_before_code_.empty();
  }
  return false;
}

std::vector<model::PartialQualification> PartialQualificationsReader::finish(
    const model::Qualification& q, const std::string& file, std::vector<ReportNote>& notes) const {
  std::vector<model::PartialQualification> out;
  for (const auto& pending : pending_) {
    model::PartialQualification partial = pending.partial;
    for (const auto& named : pending.numbers) {
      const auto it = std::find_if(q.competences.begin(), q.competences.end(),
                                   [&](const auto& c) { return c.number == named.number; });
      if (it == q.competences.end()) {
        throw Error(ErrorCode::parse_error,
                    "deelkwalificatie " + partial.code + " names competence " +
                        std::to_string(named.number) + ", which " + q.id +
                        " does not have (it has " + std::to_string(q.competences.size()) +
                        " competences)",
                    {file, named.line, "partial_qualifications"});
      }
      if (!named.title.empty() && named.title != it->title) {
        notes.push_back({ReportNote::Kind::warning,
                         "deelkwalificatie " + partial.code + ": competence " +
                             std::to_string(named.number) + " is called \"" + named.title +
                             "\" here and \"" + it->title + "\" in the competence list",
                         {file, named.line, "partial_qualifications"}});
      }
      if (std::find(partial.competences.begin(), partial.competences.end(), named.number) ==
          partial.competences.end())
        partial.competences.push_back(named.number);
    }
    if (partial.competences.empty()) {
      notes.push_back({ReportNote::Kind::warning,
                       "deelkwalificatie " + partial.code + " lists no competences",
                       {file, pending.line, "partial_qualifications"}});
    }
    if (partial.title.empty()) {
      notes.push_back({ReportNote::Kind::warning,
                       "deelkwalificatie " + partial.code + " has no title",
                       {file, pending.line, "partial_qualifications"}});
    }
    out.push_back(std::move(partial));
  }
  return out;
}

}  // namespace vakkaart::sources::akov

#include "sources/akov/descriptor_links.h"

#include <regex>

#include <algorithm>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "text/text_utils.h"

namespace vakkaart::sources::akov {
namespace {

/// Text -> value, by exact text and by loose key. The first list to name a text wins. The loose
/// index is built only when an exact lookup misses, which in well-formed documents is never.
template <typename Value>
class Lookup {
 public:
  void add(const std::vector<std::string>& texts, Value value) {
    for (const auto& text : texts) {
      exact_.emplace(text, value);
      order_.emplace_back(&text, value);
    }
  }
  std::optional<Value> find(const std::string& text, bool* loosely) {
    if (auto it = exact_.find(text); it != exact_.end())
      return it->second;
    if (loose_.empty()) {
      for (const auto& [item, value] : order_)
        loose_.emplace(loose_match_key(*item), value);
    }
    if (auto it = loose_.find(loose_match_key(text)); it != loose_.end()) {
      *loosely = true;
      return it->second;
    }
    return std::nullopt;
  }

 private:
  std::unordered_map<std::string, Value> exact_;
  std::vector<std::pair<const std::string*, Value>> order_;
  std::unordered_map<std::string, Value> loose_;
};

void replace_all(std::string& s, const std::string& from, const std::string& to) {
  for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) {
    s.replace(at, from.size(), to);
  }
}

/// Texts of competence items that found their descriptor, exactly and (lazily) loosely.
class UsedTexts {
 public:
  void add(const std::string& text) { exact_.insert(text); }
  bool contains(const std::string& text) {
    if (exact_.count(text) != 0)
      return true;
    if (loose_.empty()) {
      for (const auto& used : exact_)
        loose_.insert(loose_match_key(used));
    }
    return loose_.count(loose_match_key(text)) != 0;
  }

 private:
  std::unordered_set<std::string> exact_;
  std::unordered_set<std::string> loose_;
};

/// Keeps the descriptor items no competence refers to, so that no text is lost.
void keep_unlinked(model::Qualification& qualification, const std::vector<std::string>& items,
                   UsedTexts& used, const std::string& section, const std::string& file_name,
                   std::vector<ReportNote>& notes) {
  model::RawSection raw{section + " (niet gekoppeld aan een competentie)", {}};
  for (const auto& item : items) {
    if (used.contains(item))
      continue;
    raw.lines.push_back(item);
    notes.push_back({ReportNote::Kind::warning,
                     "\"" + item + "\" is listed under " + section +
                         " but in no competence; kept as a raw section",
                     {file_name, 0, section}});
  }
  if (!raw.lines.empty())
    qualification.raw_sections.push_back(std::move(raw));
}

}  // namespace

std::string loose_match_key(const std::string& text) {
  std::string key = text::to_lower(text::collapse_whitespace(text));
  replace_all(key, "\xE2\x80\x99", "'");  // ’
  replace_all(key, "\xE2\x80\x98", "'");  // ‘
  // A footnote mark at the end ("*", "(1)") may be written in one list and not the other.
  static const std::regex mark(R"(\s*(\*+|\(\d{1,2}\))$)");
  key = std::regex_replace(key, mark, "");
  while (!key.empty() && (key.back() == '.' || key.back() == ';' || key.back() == ',')) {
    key.pop_back();
  }
  return key;
}

void link_descriptors(model::Qualification& qualification, const DescriptorLists& lists,
                      const std::string& file_name, std::vector<ReportNote>& notes) {
  Lookup<model::Descriptor> descriptors;
  descriptors.add(lists.cognitive, model::Descriptor::cognitive);
  descriptors.add(lists.problem_solving, model::Descriptor::problem_solving);
  descriptors.add(lists.motor, model::Descriptor::motor);
  Lookup<model::KnowledgeKind> kinds;
  kinds.add(lists.general_knowledge, model::KnowledgeKind::general);
  kinds.add(lists.specific_knowledge, model::KnowledgeKind::specific);

  UsedTexts used;
  for (auto& competence : qualification.competences) {
    const std::string where = "competence " + std::to_string(competence.number);
    for (auto& activity : competence.activities) {
      bool loosely = false;
      activity.descriptor = descriptors.find(activity.text, &loosely);
      if (!activity.descriptor) {
        notes.push_back({ReportNote::Kind::warning,
                         "activity \"" + activity.text + "\" is in no descriptor section",
                         {file_name, 0, where}});
        continue;
      }
      used.add(activity.text);
      if (loosely) {
        notes.push_back({ReportNote::Kind::decision,
                         "activity \"" + activity.text +
                             "\" matched its descriptor section only after ignoring case, quotes "
                             "and a final period",
                         {file_name, 0, where}});
      }
    }
    for (auto& item : competence.knowledge) {
      bool loosely = false;
      item.kind = kinds.find(item.text, &loosely);
      if (!item.kind) {
        notes.push_back({ReportNote::Kind::warning,
                         "knowledge \"" + item.text + "\" is in neither knowledge list",
                         {file_name, 0, where}});
        continue;
      }
      used.add(item.text);
      if (loosely) {
        notes.push_back({ReportNote::Kind::decision,
                         "knowledge \"" + item.text +
                             "\" matched its list only after ignoring case, quotes and a final "
                             "period",
                         {file_name, 0, where}});
      }
    }
  }
  keep_unlinked(qualification, lists.general_knowledge, used, "Algemene kennis", file_name, notes);
  keep_unlinked(qualification, lists.specific_knowledge, used, "Specifieke kennis", file_name,
                notes);
  keep_unlinked(qualification, lists.cognitive, used, "Cognitieve vaardigheden", file_name, notes);
  keep_unlinked(qualification, lists.problem_solving, used, "Probleemoplossende vaardigheden",
                file_name, notes);
  keep_unlinked(qualification, lists.motor, used, "Motorische vaardigheden", file_name, notes);
}

}  // namespace vakkaart::sources::akov

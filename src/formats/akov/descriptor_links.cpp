#include "formats/akov/descriptor_links.h"

#include <algorithm>
#include <map>
#include <optional>

#include "text/text_utils.h"

namespace vakkaart::formats::akov {
namespace {

/// Text -> value, by exact text and by loose key. The first list to name a text wins; a text
/// named by two lists is reported.
template <typename Value>
class Lookup {
 public:
  void add(const std::vector<std::string>& texts, Value value) {
    for (const auto& text : texts) {
      exact_.emplace(text, value);
      loose_.emplace(loose_match_key(text), value);
    }
  }
  std::optional<Value> find(const std::string& text, bool* loosely) const {
    if (auto it = exact_.find(text); it != exact_.end())
      return it->second;
    if (auto it = loose_.find(loose_match_key(text)); it != loose_.end()) {
      *loosely = true;
      return it->second;
    }
    return std::nullopt;
  }

 private:
  std::map<std::string, Value> exact_;
  std::map<std::string, Value> loose_;
};

void replace_all(std::string& s, const std::string& from, const std::string& to) {
  for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) {
    s.replace(at, from.size(), to);
  }
}

/// Keeps the descriptor items no competence refers to, so that no text is lost.
void keep_unlinked(model::Qualification& qualification, const std::vector<std::string>& items,
                   const std::vector<std::string>& used_keys, const std::string& section,
                   const std::string& file_name, std::vector<ReportNote>& notes) {
  model::RawSection raw{section + " (niet gekoppeld aan een competentie)", {}};
  for (const auto& item : items) {
    const auto key = loose_match_key(item);
    if (std::find(used_keys.begin(), used_keys.end(), key) != used_keys.end())
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

  std::vector<std::string> used_keys;
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
      used_keys.push_back(loose_match_key(activity.text));
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
      used_keys.push_back(loose_match_key(item.text));
      if (loosely) {
        notes.push_back({ReportNote::Kind::decision,
                         "knowledge \"" + item.text +
                             "\" matched its list only after ignoring case, quotes and a final "
                             "period",
                         {file_name, 0, where}});
      }
    }
  }
  keep_unlinked(qualification, lists.general_knowledge, used_keys, "Algemene kennis", file_name,
                notes);
  keep_unlinked(qualification, lists.specific_knowledge, used_keys, "Specifieke kennis", file_name,
                notes);
  keep_unlinked(qualification, lists.cognitive, used_keys, "Cognitieve vaardigheden", file_name,
                notes);
  keep_unlinked(qualification, lists.problem_solving, used_keys, "Probleemoplossende vaardigheden",
                file_name, notes);
  keep_unlinked(qualification, lists.motor, used_keys, "Motorische vaardigheden", file_name, notes);
}

}  // namespace vakkaart::formats::akov

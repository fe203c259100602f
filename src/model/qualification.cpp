#include "model/qualification.h"

#include <charconv>
#include <string_view>

namespace vakkaart::model {

const char* to_string(Descriptor d) {
  switch (d) {
    case Descriptor::cognitive:
      return "cognitive";
    case Descriptor::problem_solving:
      return "problem_solving";
    case Descriptor::motor:
      return "motor";
  }
  return "cognitive";
}

const char* to_string(KnowledgeKind k) {
  return k == KnowledgeKind::general ? "general" : "specific";
}

std::optional<Descriptor> descriptor_from_string(const std::string& s) {
  if (s == "cognitive")
    return Descriptor::cognitive;
  if (s == "problem_solving")
    return Descriptor::problem_solving;
  if (s == "motor")
    return Descriptor::motor;
  return std::nullopt;
}

std::optional<KnowledgeKind> knowledge_kind_from_string(const std::string& s) {
  if (s == "general")
    return KnowledgeKind::general;
  if (s == "specific")
    return KnowledgeKind::specific;
  return std::nullopt;
}

const char* to_string(ReferenceKind k) {
  return k == ReferenceKind::competent_fiche ? "competent_fiche" : "sector_profile";
}

std::optional<ReferenceKind> reference_kind_from_string(const std::string& s) {
  if (s == "competent_fiche")
    return ReferenceKind::competent_fiche;
  if (s == "sector_profile")
    return ReferenceKind::sector_profile;
  return std::nullopt;
}

namespace {

/// Reads "[n]" at the front of `rest`; nullopt when it is not there.
std::optional<std::size_t> take_index(std::string_view& rest) {
  if (rest.empty() || rest.front() != '[')
    return std::nullopt;
  const auto close = rest.find(']');
  if (close == std::string_view::npos || close == 1)
    return std::nullopt;
  std::size_t value = 0;
  const auto [end, ec] = std::from_chars(rest.data() + 1, rest.data() + close, value);
  if (ec != std::errc() || end != rest.data() + close)
    return std::nullopt;
  rest.remove_prefix(close + 1);
  return value;
}

const std::string* item_of(const std::vector<std::string>& list, std::string_view rest) {
  const auto index = take_index(rest);
  return index && rest.empty() && *index < list.size() ? &list[*index] : nullptr;
}

bool take(std::string_view& rest, std::string_view prefix) {
  if (rest.substr(0, prefix.size()) != prefix)
    return false;
  rest.remove_prefix(prefix.size());
  return true;
}

const std::string* competence_text_at(const Competence& c, std::string_view rest) {
  if (rest == ".title")
    return &c.title;
  if (take(rest, ".activities")) {
    const auto index = take_index(rest);
    return index && rest.empty() && *index < c.activities.size() ? &c.activities[*index].text
                                                                 : nullptr;
  }
  if (take(rest, ".knowledge")) {
    const auto index = take_index(rest);
    return index && rest.empty() && *index < c.knowledge.size() ? &c.knowledge[*index].text
                                                                : nullptr;
  }
  return nullptr;
}

}  // namespace

const std::string* text_at(const Qualification& q, const std::string& path) {
  std::string_view rest = path;
  if (rest == "definition")
    return &q.definition;
  if (rest == "scope")
    return &q.scope;
  if (take(rest, "competences")) {
    const auto index = take_index(rest);
    return index && *index < q.competences.size() ? competence_text_at(q.competences[*index], rest)
                                                  : nullptr;
  }
  if (take(rest, "environment_context"))
    return item_of(q.environment_context, rest);
  if (take(rest, "action_context"))
    return item_of(q.action_context, rest);
  if (take(rest, "responsibility"))
    return item_of(q.responsibility, rest);
  if (take(rest, "autonomy.independent_in"))
    return item_of(q.autonomy.independent_in, rest);
  if (take(rest, "autonomy.bound_to"))
    return item_of(q.autonomy.bound_to, rest);
  if (take(rest, "autonomy.relies_on"))
    return item_of(q.autonomy.relies_on, rest);
  return nullptr;
}

}  // namespace vakkaart::model

#include "model/qualification.h"

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

}  // namespace vakkaart::model

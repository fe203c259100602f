#pragma once

#include <optional>
#include <string>
#include <vector>

namespace vakkaart::model {

/// Descriptor class of a competence activity, from the "descriptorelementen" sections.
enum class Descriptor { cognitive, problem_solving, motor };

/// Kind of knowledge item: "Algemene kennis" or "Specifieke kennis".
enum class KnowledgeKind { general, specific };

/// An activity (behaviour indicator) of a competence.
struct CompetenceActivity {
  std::string text;
  /// Empty when no descriptor section lists the activity (the import report says so).
  std::optional<Descriptor> descriptor;

  bool operator==(const CompetenceActivity&) const = default;
};

/// A knowledge item a competence relies on.
struct KnowledgeItem {
  std::string text;
  /// Empty when neither knowledge list names the item (the import report says so).
  std::optional<KnowledgeKind> kind;

  bool operator==(const KnowledgeItem&) const = default;
};

struct Competence {
  int number = 0;
  std::string title;
  std::vector<CompetenceActivity> activities;
  std::vector<KnowledgeItem> knowledge;

  bool operator==(const Competence&) const = default;
};

struct Level {
  std::optional<int> vks;
  std::optional<int> eqf;

  bool operator==(const Level&) const = default;
};

struct Autonomy {
  std::vector<std::string> independent_in;  // "Is zelfstandig in"
  std::vector<std::string> bound_to;        // "Is gebonden aan"
  std::vector<std::string> relies_on;       // "Doet beroep op"

  bool operator==(const Autonomy&) const = default;
};

/// A section the importer did not recognise, kept verbatim so no text is lost.
struct RawSection {
  std::string title;
  std::vector<std::string> lines;

  bool operator==(const RawSection&) const = default;
};

/// A professional qualification ("beroepskwalificatie"), one version of it.
struct Qualification {
  std::string id;    // "BK-0338-3"
  std::string code;  // "BK-0338"
  int version = 0;   // 3
  bool current = false;
  /// Repealed ("opgeheven"): kept as it was, but no longer in force.
  bool withdrawn = false;
  std::string title;
  std::string definition;
  Level level;
  std::string recognition;  // "versie 3, 2020"
  std::optional<int> year;  // 2020
  std::vector<Competence> competences;
  std::vector<std::string> environment_context;
  std::vector<std::string> action_context;
  Autonomy autonomy;
  std::vector<std::string> responsibility;
  /// "Attesten en voorwaarden" as the source states it; lines joined with '\n'.
  std::string certificates;
  std::vector<RawSection> raw_sections;

  bool operator==(const Qualification&) const = default;
};

const char* to_string(Descriptor d);
const char* to_string(KnowledgeKind k);
std::optional<Descriptor> descriptor_from_string(const std::string& s);
std::optional<KnowledgeKind> knowledge_kind_from_string(const std::string& s);

}  // namespace vakkaart::model

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
  /// The competence's own code as the page writes it inside its brackets ("co 01310" for
  /// "(co 01310)", the older layouts' codes of the SERV competence profiles); empty when the
  /// page gives none (the modern pages never do).
  std::optional<std::string> code = std::nullopt;
  /// The heading of the group the page lists the competence under, as written
  /// ("BASISACTIVITEITEN", "SPECIFIEKE ACTIVITEITEN" in the decree annexes); empty when the page
  /// groups none. Kept as a label: the pages do not say more of what a group means.
  std::string group = {};

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

/// What a note under the title refers to.
enum class ReferenceKind {
  competent_fiche,  // a fiche of VDAB's Competent database ("Competent-fiche G160201")
  sector_profile,   // a sector's profile ("beroepscompetentieprofiel van Constructiv")
};

/// A note under the title saying where else the title is (or is not) used, e.g. "Deze benaming
/// wordt gebruikt in de Competent-fiche G160201 …" or "Deze benaming komt NIET voor in de
/// Competent fiche". The note itself is kept exactly; the other fields are read from it.
struct TitleReference {
  ReferenceKind kind = ReferenceKind::competent_fiche;
  std::string code;        // "G160201"; empty when the note names none
  std::string name;        // what the note names after the code, or the sector ("Constructiv")
  bool title_used = true;  // false when the note says the title does NOT occur there
  std::string note;        // the line as the page writes it

  bool operator==(const TitleReference&) const = default;
};

/// A partial qualification ("deelkwalificatie"): its own code (a different number from the BK)
/// and the numbers of the qualification's competences it consists of.
struct PartialQualification {
  std::string code;  // "BKD-0593-1-DBK-01"
  std::string title;
  std::vector<int> competences;

  bool operator==(const PartialQualification&) const = default;
};

/// A footnote of the page ("*", "(1)"), linked to the places whose text carries its mark; those
/// texts keep the mark as the page writes it.
struct Footnote {
  std::string mark;  // "*", "(1)"
  std::string text;  // without the mark; lines of a multi-line footnote joined with '\n'
  /// Where the mark is referenced, as paths into the canonical JSON ("competences[2].title",
  /// "competences[2].activities[0]", "competences[2].knowledge[1]", "definition").
  std::vector<std::string> referenced_at;

  bool operator==(const Footnote&) const = default;
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
  /// Notes under the title on where the title is used (empty on most pages).
  std::vector<TitleReference> title_references;
  /// "Afbakening": what the qualification covers and what not; lines joined with '\n'.
  std::string scope;
  std::vector<PartialQualification> partial_qualifications;
  std::vector<Footnote> footnotes;

  bool operator==(const Qualification&) const = default;
};

const char* to_string(Descriptor d);
const char* to_string(KnowledgeKind k);
const char* to_string(ReferenceKind k);
std::optional<Descriptor> descriptor_from_string(const std::string& s);
std::optional<KnowledgeKind> knowledge_kind_from_string(const std::string& s);
std::optional<ReferenceKind> reference_kind_from_string(const std::string& s);

/// The text at a footnote's place ("definition", "scope", "competences[2].title",
/// "competences[2].activities[0]", "competences[2].knowledge[1]", "environment_context[0]",
/// "action_context[0]", "responsibility[0]", "autonomy.independent_in[0]", ….bound_to[…],
/// ….relies_on[…]), or nullptr when the path names no text of `q`.
const std::string* text_at(const Qualification& q, const std::string& path);

}  // namespace vakkaart::model

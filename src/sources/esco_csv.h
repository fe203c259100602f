#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sources/parse_result.h"

namespace vakkaart::sources {

/// The files of ESCO's CSV download vakkaart reads, told apart by their header row.
enum class EscoFileKind {
  skills,       // skills_nl.csv: conceptUri, skillType, reuseLevel, preferredLabel, description…
  occupations,  // occupations_nl.csv: conceptUri, iscoGroup, preferredLabel, description, code…
  relations,    // occupationSkillRelations_nl.csv: occupationUri, relationType, skillUri…
  broader,      // broaderRelationsSkillPillar_nl.csv: conceptUri, broaderType, broaderUri…
  groups,       // skillGroups_nl.csv: conceptUri, preferredLabel, code (no skillType)
  unused,       // other files of the download, read by no step: the collections
                // (broaderConceptUri) and skillSkillRelations (originalSkillUri, relatedSkillUri)
};

/// Which ESCO file a header row is, if any.
std::optional<EscoFileKind> esco_file_kind(const std::vector<std::string>& header);

/// Cheap sniff for format detection: the text's first CSV record is an ESCO header.
bool looks_like_esco_csv(std::string_view text);

/// The largest ESCO file we read (the full Dutch download's largest, the occupation-skill
/// relations, is about 20 MB) and the most records per kind.
inline constexpr std::size_t esco_max_file_bytes = std::size_t{64} * 1024 * 1024;
inline constexpr std::size_t esco_max_skills = 50000;
inline constexpr std::size_t esco_max_occupations = 10000;
inline constexpr std::size_t esco_max_relations = 500000;
/// Skill groups × profiles (each profile holds an entry per cluster of its framework).
inline constexpr std::size_t esco_max_profile_clusters = 5000000;

struct EscoFile {
  std::string path;
  std::string text;
};

/// Reads a set of ESCO CSV files into one framework (docs/formats/esco.md): skill types are
/// its layers, skill groups its clusters, a profile "<id>-vaardigheden" holds every skill once
/// as a main activity (title: preferredLabel; one sub-activity: description), and each
/// occupation is a profile holding its essential, then optional skills the same way. The
/// framework id is "esco-<language>" from the file names (skills_nl.csv → esco-nl). Errors
/// name the file, the line and the column.
ParseResult parse_esco_files(const std::vector<EscoFile>& files);

}  // namespace vakkaart::sources

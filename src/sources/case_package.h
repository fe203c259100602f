#pragma once

#include <string>
#include <string_view>

#include "sources/parse_result.h"

namespace vakkaart::sources {

/// CFItemType titles vakkaart writes in a CASE export; the importer recognises a package of its
/// own by them and rebuilds the framework exactly (layers, clusters, profiles, activities).
namespace case_types {
inline constexpr const char* layer = "Schil";
inline constexpr const char* cluster = "Cluster";
inline constexpr const char* profile = "Beroepsprofiel";
inline constexpr const char* main_activity = "Hoofdactiviteit";
inline constexpr const char* untitled_main_activity = "Hoofdactiviteit zonder titel";
inline constexpr const char* activity = "Deelactiviteit";
inline constexpr const char* competence = "Competentie";
inline constexpr const char* competence_activity = "Activiteit";
inline constexpr const char* knowledge = "Kennis";
inline constexpr const char* partial_qualification = "Deelkwalificatie";
}  // namespace case_types

/// The CFDocument note that carries a framework's own id: "vakkaart:<id>".
inline constexpr std::string_view case_id_note_prefix = "vakkaart:";

/// Most items and associations a package may hold (a CASE framework of the largest US states
/// has ~20,000 items); nesting deeper than this many isChildOf levels is refused too.
inline constexpr size_t case_max_items = 200000;
inline constexpr int case_max_depth = 64;

/// Reads a 1EdTech CASE 1.1 CFPackage (JSON binding) into one framework. A package vakkaart
/// wrote comes back as the framework it was; another tool's package (OpenSALT) becomes a
/// framework with one layer, one cluster per top-level item (keeping its identifier) and one
/// profile whose main activities are the second level and whose activities are the rest.
ParseResult parse_case_package(std::string_view text, const std::string& file_name);

/// Cheap sniff for format detection: a JSON object naming "CFDocument" near its start.
bool looks_like_case_package(std::string_view text);

}  // namespace vakkaart::sources

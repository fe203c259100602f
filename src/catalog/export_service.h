#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/json.h"
#include "exchange/case_export.h"
#include "exchange/skos_export.h"
#include "sources/framework_sheet.h"
#include "store/store.h"

namespace vakkaart::catalog {

/// What an id names.
enum class IdKind { framework, profile, qualification };

/// Finds what an id names: a framework, a profile, or a qualification (versioned "BK-0338-3" or
/// a code "BK-0338" for its current version). Throws Error(not_found) otherwise.
IdKind resolve_id(store::Store& store, const std::string& id);

/// The canonical JSON of whatever the id names. Throws Error(not_found) for unknown ids.
vakkaart::Json export_json(store::Store& store, const std::string& id);

/// Where a CASE export gets the crosswalk alignments of its parts. The front ends pass
/// analysis::current_crosswalks (recomputed when stale); empty: the store's as last computed.
using AlignmentLookup =
    std::function<std::vector<model::Alignment>(const store::AlignmentFilter& filter)>;

/// Whatever the id names as a CASE 1.1 CFPackage, with the crosswalk alignments of its parts
/// (rejected ones left out). Throws Error(not_found) for unknown ids.
vakkaart::Json export_case(store::Store& store, const std::string& id,
                           const exchange::CaseExportOptions& options = {},
                           const AlignmentLookup& alignments = nullptr);

/// A framework as spreadsheet rows (docs/formats/spreadsheet.md). Throws Error(not_found) when
/// the id names no framework (a profile or qualification: export its framework).
std::vector<sources::SheetRow> export_sheet_rows(store::Store& store, const std::string& id);

/// Whatever the id names as a SKOS graph (docs/formats/skos.md), with the crosswalk alignments
/// of its parts (rejected ones left out). Throws Error(not_found) for unknown ids.
exchange::RdfGraph export_skos(store::Store& store, const std::string& id,
                               const exchange::SkosOptions& options = {},
                               const AlignmentLookup& alignments = nullptr);

/// A SKOS graph of `kind` only: an id of another kind is not_found (a profile's URL must not
/// answer with a framework of the same id).
exchange::RdfGraph export_skos_of(store::Store& store, IdKind kind, const std::string& id,
                                  const exchange::SkosOptions& options = {},
                                  const AlignmentLookup& alignments = nullptr);

}  // namespace vakkaart::catalog

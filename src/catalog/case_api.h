#pragma once

#include <string>

#include "catalog/export_service.h"
#include "core/json.h"
#include "exchange/case_export.h"
#include "store/store.h"

namespace vakkaart::catalog {

/// The read-only CASE 1.1 REST API over the catalog: every framework, profile and qualification
/// version is a CFDocument whose package is what `export_case` gives. Lookups by identifier
/// build the packages (the server caches each answer until the content changes).

/// `{"CFDocuments": [...]}`: each CFDocument with its CFPackageURI.
Json case_documents(store::Store& store, const exchange::CaseExportOptions& options,
                    const AlignmentLookup& alignments = nullptr);
/// The CFPackage whose CFDocument has this identifier; Error(not_found) otherwise.
Json case_package_by_identifier(store::Store& store, const std::string& identifier,
                                const exchange::CaseExportOptions& options,
                                const AlignmentLookup& alignments = nullptr);
/// One CFItem (with its CFDocumentURI) by identifier; Error(not_found) otherwise.
Json case_item_by_identifier(store::Store& store, const std::string& identifier,
                             const exchange::CaseExportOptions& options,
                             const AlignmentLookup& alignments = nullptr);
/// One CFAssociation (with its CFDocumentURI) by identifier; Error(not_found) otherwise.
Json case_association_by_identifier(store::Store& store, const std::string& identifier,
                                    const exchange::CaseExportOptions& options,
                                    const AlignmentLookup& alignments = nullptr);

}  // namespace vakkaart::catalog

#include "catalog/case_api.h"

#include <functional>

#include "catalog/export_service.h"
#include "core/error.h"
#include "core/uuid_v5.h"

namespace vakkaart::catalog {

namespace {

/// Calls `visit` with each package until it returns true: frameworks, then their profiles, then
/// qualification versions.
void case_each_package(store::Store& store, const exchange::CaseExportOptions& options,
                       const AlignmentLookup& alignments,
                       const std::function<bool(const Json&)>& visit) {
  for (const auto& f : store.list_frameworks())
    if (visit(export_case(store, f.id, options, alignments)))
      return;
  for (const auto& p : store.list_profiles())
    if (visit(export_case(store, p.id, options, alignments)))
      return;
  for (const auto& q : store.list_qualifications())
    if (visit(export_case(store, q.id, options, alignments)))
      return;
}

std::string case_normalised_identifier(const std::string& identifier) {
  if (!is_uuid(identifier))
    throw Error(ErrorCode::not_found, "no CASE object with identifier '" + identifier + "'",
                {"", 0, "identifier"});
  std::string out = identifier;
  for (char& c : out)
    if (c >= 'A' && c <= 'F')
      c = static_cast<char>(c - 'A' + 'a');
  return out;
}

Json case_package_link(const Json& package, const exchange::CaseExportOptions& options) {
  const Json& doc = package["CFDocument"];
  std::string id = doc["identifier"].get<std::string>();
  std::string uri =
      options.base_uri.empty() ? "urn:uuid:" + id : options.base_uri + "/CFPackages/" + id;
  return Json{{"title", doc["title"]}, {"identifier", id}, {"uri", uri}};
}

Json case_document_link(const Json& package) {
  const Json& doc = package["CFDocument"];
  return Json{{"title", doc["title"]}, {"identifier", doc["identifier"]}, {"uri", doc["uri"]}};
}

/// Finds one member of a list of every package by identifier, adding its CFDocumentURI.
Json case_find_member(store::Store& store, const std::string& identifier, const char* list,
                      const char* what, const exchange::CaseExportOptions& options,
                      const AlignmentLookup& alignments) {
  std::string wanted = case_normalised_identifier(identifier);
  Json found;
  case_each_package(store, options, alignments, [&](const Json& package) {
    for (const Json& member : package[list]) {
      if (member["identifier"] == wanted) {
        found = member;
        found["CFDocumentURI"] = case_document_link(package);
        return true;
      }
    }
    return false;
  });
  if (found.is_null())
    throw Error(ErrorCode::not_found,
                std::string("no ") + what + " with identifier '" + identifier + "'",
                {"", 0, "identifier"});
  return found;
}

}  // namespace

Json case_documents(store::Store& store, const exchange::CaseExportOptions& options,
                    const AlignmentLookup& alignments) {
  Json docs = Json::array();
  case_each_package(store, options, alignments, [&](const Json& package) {
    Json doc = package["CFDocument"];
    doc["CFPackageURI"] = case_package_link(package, options);
    docs.push_back(std::move(doc));
    return false;
  });
  return Json{{"CFDocuments", docs}};
}

Json case_package_by_identifier(store::Store& store, const std::string& identifier,
                                const exchange::CaseExportOptions& options,
                                const AlignmentLookup& alignments) {
  std::string wanted = case_normalised_identifier(identifier);
  Json found;
  case_each_package(store, options, alignments, [&](const Json& package) {
    if (package["CFDocument"]["identifier"] != wanted)
      return false;
    found = package;
    return true;
  });
  if (found.is_null())
    throw Error(ErrorCode::not_found, "no CFPackage with identifier '" + identifier + "'",
                {"", 0, "identifier"});
  return found;
}

Json case_item_by_identifier(store::Store& store, const std::string& identifier,
                             const exchange::CaseExportOptions& options,
                             const AlignmentLookup& alignments) {
  return case_find_member(store, identifier, "CFItems", "CFItem", options, alignments);
}

Json case_association_by_identifier(store::Store& store, const std::string& identifier,
                                    const exchange::CaseExportOptions& options,
                                    const AlignmentLookup& alignments) {
  return case_find_member(store, identifier, "CFAssociations", "CFAssociation", options,
                          alignments);
}

}  // namespace vakkaart::catalog

#include "exchange/case_validator.h"

#include <regex>
#include <set>

#include "core/uuid_v5.h"

namespace vakkaart::exchange {

namespace {

/// Properties of one class of the binding: those it requires and those it allows besides.
struct CaseClassRule {
  const char* name;
  std::set<std::string> required;
  std::set<std::string> optional;
};

const CaseClassRule& case_document_rule() {
  static const CaseClassRule rule{
      "CFDocument",
      {"identifier", "uri", "creator", "title", "lastChangeDateTime"},
      {"frameworkType", "caseVersion", "officialSourceURL", "publisher", "description", "subject",
       "subjectURI", "language", "version", "adoptionStatus", "statusStartDate", "statusEndDate",
       "licenseURI", "notes", "CFPackageURI", "extensions"}};
  return rule;
}

const CaseClassRule& case_item_rule() {
  static const CaseClassRule rule{
      "CFItem",
      {"identifier", "uri", "fullStatement", "lastChangeDateTime"},
      {"CFDocumentURI", "alternativeLabel", "CFItemType", "humanCodingScheme", "listEnumeration",
       "abbreviatedStatement", "conceptKeywords", "conceptKeywordsURI", "notes", "subject",
       "subjectURI", "language", "educationLevel", "CFItemTypeURI", "licenseURI", "statusStartDate",
       "statusEndDate", "extensions"}};
  return rule;
}

const CaseClassRule& case_association_rule() {
  static const CaseClassRule rule{
      "CFAssociation",
      {"identifier", "associationType", "uri", "originNodeURI", "destinationNodeURI",
       "lastChangeDateTime"},
      {"CFDocumentURI", "sequenceNumber", "notes", "CFAssociationGroupingURI", "extensions"}};
  return rule;
}

const CaseClassRule& case_item_type_rule() {
  static const CaseClassRule rule{
      "CFItemType",
      {"identifier", "uri", "title", "description", "hierarchyCode", "lastChangeDateTime"},
      {"typeCode"}};
  return rule;
}

const CaseClassRule& case_link_rule() {
  static const CaseClassRule rule{"LinkURI", {"title", "identifier", "uri"}, {}};
  return rule;
}

class CaseChecker {
 public:
  std::vector<CaseFinding> findings;

  void fail(const std::string& path, const std::string& message) {
    findings.push_back({path, message});
  }

  /// Required present, nothing undefined, and the shared formats of the common properties.
  bool object(const Json& j, const std::string& path, const CaseClassRule& rule) {
    if (!j.is_object()) {
      fail(path, std::string(rule.name) + " must be an object");
      return false;
    }
    for (const std::string& key : rule.required)
      if (!j.contains(key))
        fail(path, std::string(rule.name) + " requires \"" + key + "\"");
    for (const auto& entry : j.items()) {
      const std::string& key = entry.key();
      if (!rule.required.count(key) && !rule.optional.count(key))
        fail(path + "." + key, std::string(rule.name) + " defines no property \"" + key + "\"");
    }
    if (j.contains("identifier"))
      uuid(j["identifier"], path + ".identifier");
    for (const char* key : {"uri", "title", "fullStatement", "creator", "hierarchyCode",
                            "description", "notes", "humanCodingScheme", "CFItemType"})
      if (j.contains(key))
        string(j[key], path + "." + key);
    if (j.contains("lastChangeDateTime"))
      date_time(j["lastChangeDateTime"], path + ".lastChangeDateTime");
    for (const char* key :
         {"CFItemTypeURI", "licenseURI", "CFPackageURI", "CFDocumentURI", "conceptKeywordsURI",
          "CFAssociationGroupingURI", "originNodeURI", "destinationNodeURI"})
      if (j.contains(key))
        link(j[key], path + "." + key);
    return true;
  }

  void string(const Json& j, const std::string& path) {
    if (!j.is_string())
      fail(path, "must be a string");
    else if (j.get_ref<const std::string&>().empty())
      fail(path, "must not be empty");
  }

  void uuid(const Json& j, const std::string& path) {
    if (!j.is_string() || !is_uuid(j.get_ref<const std::string&>()))
      fail(path, "must be a UUID (8-4-4-4-12 hexadecimal digits)");
  }

  void date_time(const Json& j, const std::string& path) {
    static const std::regex pattern(
        R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2}))");
    if (!j.is_string() || !std::regex_match(j.get_ref<const std::string&>(), pattern))
      fail(path, "must be an ISO 8601 date-time with a time zone");
  }

  void link(const Json& j, const std::string& path) {
    // LinkGenURI's identifier is any string in the binding, so only LinkURI-shaped checks here.
    if (!j.is_object()) {
      fail(path, "must be an object with title, identifier and uri");
      return;
    }
    const CaseClassRule& rule = case_link_rule();
    for (const std::string& key : rule.required) {
      if (!j.contains(key))
        fail(path, "requires \"" + key + "\"");
      else
        string(j[key], path + "." + key);
    }
    for (const auto& entry : j.items())
      if (!rule.required.count(entry.key()))
        fail(path + "." + entry.key(), "a link defines no property \"" + entry.key() + "\"");
  }

  void association_type(const Json& j, const std::string& path) {
    static const std::set<std::string> defined = {
        "isChildOf",   "isPeerOf",   "isPartOf", "exactMatchOf",  "precedes",
        "isRelatedTo", "replacedBy", "exemplar", "hasSkillLevel", "isTranslationOf"};
    static const std::regex extension(R"(ext:[a-zA-Z0-9._-]+)");
    if (!j.is_string() || (!defined.count(j.get_ref<const std::string&>()) &&
                           !std::regex_match(j.get_ref<const std::string&>(), extension)))
      fail(path, "is not a CASE association type");
  }
};

std::string case_link_id(const Json& j, const char* key) {
  if (!j.contains(key) || !j[key].is_object() || !j[key].contains("identifier") ||
      !j[key]["identifier"].is_string())
    return "";
  return j[key]["identifier"].get<std::string>();
}

void case_check_items(CaseChecker& c, const Json& package, std::set<std::string>& ids,
                      std::set<std::string>& type_refs) {
  const Json& items = package["CFItems"];
  if (!items.is_array()) {
    c.fail("CFItems", "must be an array");
    return;
  }
  for (size_t i = 0; i < items.size(); ++i) {
    std::string path = "CFItems[" + std::to_string(i) + "]";
    if (!c.object(items[i], path, case_item_rule()))
      continue;
    if (items[i].contains("identifier") && items[i]["identifier"].is_string() &&
        !ids.insert(items[i]["identifier"].get<std::string>()).second)
      c.fail(path + ".identifier", "identifier used twice in the package");
    std::string type = case_link_id(items[i], "CFItemTypeURI");
    if (!type.empty())
      type_refs.insert(type);
  }
}

void case_check_associations(CaseChecker& c, const Json& package,
                             const std::set<std::string>& ids) {
  const Json& assocs = package["CFAssociations"];
  if (!assocs.is_array()) {
    c.fail("CFAssociations", "must be an array");
    return;
  }
  for (size_t i = 0; i < assocs.size(); ++i) {
    std::string path = "CFAssociations[" + std::to_string(i) + "]";
    const Json& a = assocs[i];
    if (!c.object(a, path, case_association_rule()))
      continue;
    if (a.contains("associationType"))
      c.association_type(a["associationType"], path + ".associationType");
    if (a.contains("sequenceNumber") && !a["sequenceNumber"].is_number_integer())
      c.fail(path + ".sequenceNumber", "must be an integer");
    if (a.value("associationType", Json()) == "isChildOf") {
      std::string origin = case_link_id(a, "originNodeURI");
      std::string destination = case_link_id(a, "destinationNodeURI");
      if (!ids.count(origin))
        c.fail(path + ".originNodeURI", "isChildOf from an item not in the package");
      if (!ids.count(destination))
        c.fail(path + ".destinationNodeURI", "isChildOf to something not in the package");
    }
  }
}

}  // namespace

std::vector<CaseFinding> validate_case_package(const Json& package) {
  CaseChecker c;
  static const std::set<std::string> top = {"CFDocument", "CFItems", "CFAssociations",
                                            "CFDefinitions", "CFRubrics"};
  if (!package.is_object()) {
    c.fail("", "a CFPackage must be an object");
    return c.findings;
  }
  for (const auto& entry : package.items())
    if (!top.count(entry.key()))
      c.fail(entry.key(), "CFPackage defines no property \"" + entry.key() + "\"");
  std::set<std::string> ids;
  if (!package.contains("CFDocument"))
    c.fail("", "CFPackage requires \"CFDocument\"");
  else if (c.object(package["CFDocument"], "CFDocument", case_document_rule()) &&
           package["CFDocument"].contains("identifier") &&
           package["CFDocument"]["identifier"].is_string())
    ids.insert(package["CFDocument"]["identifier"].get<std::string>());
  std::set<std::string> type_refs;
  if (package.contains("CFItems"))
    case_check_items(c, package, ids, type_refs);
  if (package.contains("CFAssociations"))
    case_check_associations(c, package, ids);
  std::set<std::string> types;
  if (package.contains("CFDefinitions")) {
    static const std::set<std::string> kinds = {"CFConcepts", "CFSubjects", "CFLicenses",
                                                "CFItemTypes", "CFAssociationGroupings"};
    const Json& defs = package["CFDefinitions"];
    if (!defs.is_object())
      c.fail("CFDefinitions", "must be an object");
    else
      for (const auto& entry : defs.items())
        if (!kinds.count(entry.key()))
          c.fail("CFDefinitions." + entry.key(),
                 "CFDefinitions defines no \"" + entry.key() + "\"");
    if (defs.is_object() && defs.contains("CFItemTypes") && defs["CFItemTypes"].is_array()) {
      const Json& list = defs["CFItemTypes"];
      for (size_t i = 0; i < list.size(); ++i) {
        std::string path = "CFDefinitions.CFItemTypes[" + std::to_string(i) + "]";
        if (c.object(list[i], path, case_item_type_rule()) && list[i].contains("identifier") &&
            list[i]["identifier"].is_string())
          types.insert(list[i]["identifier"].get<std::string>());
      }
    }
  }
  for (const std::string& t : type_refs)
    if (!types.count(t))
      c.fail("CFItems", "CFItemTypeURI " + t + " is not among CFDefinitions.CFItemTypes");
  return c.findings;
}

}  // namespace vakkaart::exchange

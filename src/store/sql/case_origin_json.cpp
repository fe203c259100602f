#include "store/sql/case_origin_json.h"

#include "core/error.h"
#include "core/json.h"

namespace vakkaart::store {

std::string case_origin_to_text(const model::CaseOrigin& origin) {
  if (origin.empty())
    return "";
  Json associations = Json::array();
  for (const auto& a : origin.associations)
    associations.push_back({{"identifier", a.identifier},
                            {"type", a.type},
                            {"origin", a.origin},
                            {"destination", a.destination},
                            {"destination_uri", a.destination_uri},
                            {"destination_title", a.destination_title},
                            {"sequence", a.sequence}});
  Json j{{"identifiers", origin.identifiers}, {"associations", associations}};
  // Written only when there is something, so what earlier versions stored reads the same.
  if (!origin.document_notes.empty())
    j["document_notes"] = origin.document_notes;
  if (!origin.document_description.empty())
    j["document_description"] = origin.document_description;
  if (!origin.adoption_status.empty())
    j["adoption_status"] = origin.adoption_status;
  if (!origin.item_notes.empty())
    j["item_notes"] = origin.item_notes;
  return j.dump();
}

model::CaseOrigin case_origin_from_text(const std::string& text) {
  model::CaseOrigin origin;
  if (text.empty())
    return origin;
  try {
    const Json j = Json::parse(text);
    origin.identifiers = j.at("identifiers").get<std::map<std::string, std::string>>();
    for (const auto& a : j.at("associations"))
      origin.associations.push_back(
          {a.at("identifier").get<std::string>(), a.at("type").get<std::string>(),
           a.at("origin").get<std::string>(), a.at("destination").get<std::string>(),
           a.at("destination_uri").get<std::string>(), a.at("destination_title").get<std::string>(),
           a.at("sequence").get<long long>()});
    origin.document_notes = j.value("document_notes", std::string());
    origin.document_description = j.value("document_description", std::string());
    origin.adoption_status = j.value("adoption_status", std::string());
    if (j.contains("item_notes"))
      origin.item_notes = j.at("item_notes").get<std::map<std::string, std::string>>();
  } catch (const nlohmann::json::exception& e) {
    throw Error(ErrorCode::database_error,
                std::string("a framework's stored CASE origin is unreadable: ") + e.what(),
                {"", 0, "frameworks.case_origin"});
  }
  return origin;
}

}  // namespace vakkaart::store

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
  return Json{{"identifiers", origin.identifiers}, {"associations", associations}}.dump();
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
  } catch (const nlohmann::json::exception& e) {
    throw Error(ErrorCode::database_error,
                std::string("a framework's stored CASE origin is unreadable: ") + e.what(),
                {"", 0, "frameworks.case_origin"});
  }
  return origin;
}

}  // namespace vakkaart::store

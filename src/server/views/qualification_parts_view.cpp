#include "server/views/qualification_parts_view.h"

#include <regex>
#include <string>

namespace vakkaart::server {
namespace {

using vakkaart::Json;

Json paragraphs(const std::string& text) {
  Json out = Json::array();
  std::size_t start = 0;
  for (auto nl = text.find('\n'); nl != std::string::npos; nl = text.find('\n', start)) {
    out.push_back({{"text", text.substr(start, nl - start)}});
    start = nl + 1;
  }
  out.push_back({{"text", text.substr(start)}});
  return out;
}

void add_references(Json& q, Json& view, const Json& t) {
  Json refs = Json::array();
  if (q.contains("title_references")) {
    for (const auto& r : q["title_references"]) {
      Json shown = r;
      shown["kind_label"] = t["reference_" + r["kind"].get<std::string>()];
      shown["has_code"] = !r["code"].get<std::string>().empty();
      shown["has_name"] = !r["name"].get<std::string>().empty();
      refs.push_back(std::move(shown));
    }
  }
  view["title_references"] = refs;
  view["has_title_references"] = !refs.empty();
}

void add_partials(Json& q, Json& view) {
  Json partials = Json::array();
  if (q.contains("partial_qualifications")) {
    for (const auto& p : q["partial_qualifications"]) {
      Json shown = p;
      Json links = Json::array();
      const auto& numbers = p["competences"];
      for (std::size_t i = 0; i < numbers.size(); ++i)
        links.push_back({{"number", numbers[i]}, {"last", i + 1 == numbers.size()}});
      shown["competence_links"] = links;
      partials.push_back(std::move(shown));
    }
  }
  view["partial_qualifications"] = partials;
  view["has_partial_qualifications"] = !partials.empty();
}

/// The list of footnote links of the item a footnote's place names, and the label and anchor of
/// that place; nullptr for a place the page does not show as an item of its own (its label still
/// says where).
Json* place_refs(Json& q, const std::string& place, const Json& t, std::string& label,
                 std::string& anchor) {
  static const std::regex competence(
      R"(^competences\[(\d+)\](\.title|\.activities\[(\d+)\]|\.knowledge\[(\d+)\])$)");
  std::smatch m;
  if (std::regex_match(place, m, competence)) {
    const auto c = std::stoul(m.str(1));
    if (c >= q["competences"].size())
      return nullptr;
    Json& comp = q["competences"][c];
    const std::string number = std::to_string(comp["number"].get<int>());
    label = t["competence"].get<std::string>() + " " + number;
    anchor = "competence-" + number;
    const std::string list = m[3].matched ? "activities" : m[4].matched ? "knowledge" : "";
    if (list.empty())
      return &comp["title_footnote_refs"];
    const auto i = std::stoul(m[3].matched ? m.str(3) : m.str(4));
    return i < comp[list].size() ? &comp[list][i]["footnote_refs"] : nullptr;
  }
  if (place == "definition" || place == "scope") {
    label = t[place].get<std::string>();
    anchor = place == "definition" ? "def-h" : "scope-h";
    return nullptr;
  }
  label = t["footnote_elsewhere"].get<std::string>();
  anchor = "";
  return nullptr;
}

void add_footnotes(Json& q, Json& view, const Json& t) {
  // Every item has its list, empty or not: a template section on a missing key would find the
  // competence's list instead.
  for (auto& c : q["competences"]) {
    c["title_footnote_refs"] = Json::array();
    for (const char* list : {"activities", "knowledge"}) {
      for (auto& item : c[list])
        item["footnote_refs"] = Json::array();
    }
  }
  Json notes = Json::array();
  if (q.contains("footnotes")) {
    int n = 0;
    for (const auto& f : q["footnotes"]) {
      ++n;
      const std::string id = "footnote-" + std::to_string(n);
      Json places = Json::array();
      for (const auto& p : f["referenced_at"]) {
        std::string label, anchor;
        if (Json* refs = place_refs(q, p.get<std::string>(), t, label, anchor))
          refs->push_back({{"n", n}, {"id", id}, {"mark", f["mark"]}});
        places.push_back({{"label", label}, {"anchor", anchor}, {"has_anchor", !anchor.empty()}});
      }
      notes.push_back({{"n", n},
                       {"id", id},
                       {"mark", f["mark"]},
                       {"lines", paragraphs(f["text"].get<std::string>())},
                       {"places", places},
                       {"has_places", !places.empty()}});
    }
  }
  view["footnotes"] = notes;
  view["has_footnotes"] = !notes.empty();
}

}  // namespace

void add_qualification_parts_view(Json& q, Json& view, const Json& t) {
  add_references(q, view, t);
  const std::string scope = q.contains("scope") ? q["scope"].get<std::string>() : "";
  view["has_scope"] = !scope.empty();
  view["scope_paragraphs"] = scope.empty() ? Json::array() : paragraphs(scope);
  add_partials(q, view);
  add_footnotes(q, view, t);
}

}  // namespace vakkaart::server

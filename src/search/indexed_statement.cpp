#include "search/indexed_statement.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>

#include "text/fold.h"
#include "text/utf8.h"

namespace vakkaart::search {
namespace {

const std::map<std::string, std::string>& facet_prefixes() {
  static const std::map<std::string, std::string> prefixes = {
      {"framework", "XF"}, {"profile", "XP"}, {"layer", "XY"}, {"cluster", "XC"},
      {"bk", "XQ"},        {"level", "XL"},   {"kind", "XK"},
  };
  return prefixes;
}

void add_unique(std::vector<std::string>& list, std::string value) {
  if (std::find(list.begin(), list.end(), value) == list.end())
    list.push_back(std::move(value));
}

Place place_of(const store::StatementOccurrence& o) {
  Place place;
  place.statement_kind = o.kind;
  if (!o.profile_id.empty()) {
    place.kind = "profile";
    place.id = o.profile_id;
    place.title = o.profile_title;
    place.cluster_id = o.cluster_id;
    place.main_activity = o.main_activity_position;
    place.path = o.profile_title;
    if (!o.cluster_title.empty())
      place.path += " › " + o.cluster_title;
    if (o.main_activity_title && o.kind != "main_activity") {
      place.path += " › " + *o.main_activity_title;
    }
    if (o.kind == "definition")
      place.path += " › definitie";
  } else {
    place.kind = "qualification";
    place.id = o.qualification_id;
    place.title = o.qualification_title;
    place.competence = o.competence_number;
    place.path = o.qualification_id + " " + o.qualification_title;
    // A statement outside the competences (context, autonomy, responsibility) is placed by its
    // statement_kind, which pages and clients name in their own language: the path never carries
    // the internal kind id.
    if (o.competence_number > 0) {
      place.path +=
          " › Competentie " + std::to_string(o.competence_number) + ": " + o.competence_title;
    }
  }
  return place;
}

}  // namespace

std::string facet_term(const std::string& facet, const std::string& value) {
  const auto it = facet_prefixes().find(facet);
  if (it == facet_prefixes().end())
    return {};
  std::string folded = text::fold(value);
  if (folded.size() <= kMaxFacetValueBytes)
    return it->second + folded;
  // Xapian refuses terms over 245 bytes, and one refused term used to fail the whole index. A
  // long value keeps its start and gets a hash of the whole, so distinct values stay distinct
  // and the query side (which calls this too) finds the same term.
  std::uint64_t hash = 14695981039346656037ULL;  // FNV-1a
  for (const unsigned char c : folded) {
    hash ^= c;
    hash *= 1099511628211ULL;
  }
  static const char* const kHex = "0123456789abcdef";
  std::string term = it->second;
  term += text::truncate_utf8(folded, kMaxFacetValueBytes - 17);
  term += '#';
  for (int shift = 60; shift >= 0; shift -= 4)
    term += kHex[(hash >> shift) & 0xF];
  return term;
}

std::vector<IndexedStatement> group_occurrences(
    const std::vector<store::StatementOccurrence>& occurrences) {
  std::vector<IndexedStatement> statements;
  for (const auto& o : occurrences) {
    if (statements.empty() || statements.back().id != o.statement_id) {
      statements.push_back({o.statement_id, o.text, {}, {}, {}});
    }
    auto& s = statements.back();
    s.places.push_back(place_of(o));
    for (const auto& label : o.labels)
      add_unique(s.labels, label);
    if (!o.cluster_title.empty())
      add_unique(s.context, o.cluster_title);
    if (o.main_activity_title && o.kind != "main_activity") {
      add_unique(s.context, *o.main_activity_title);
    }
    if (!o.competence_title.empty() && o.kind != "competence") {
      add_unique(s.context, o.competence_title);
    }
    auto& terms = s.filter_terms;
    add_unique(terms, facet_term("kind", o.kind));
    if (!o.profile_id.empty()) {
      add_unique(terms, facet_term("framework", o.framework_id));
      add_unique(terms, facet_term("profile", o.profile_id));
      if (!o.layer_id.empty())
        add_unique(terms, facet_term("layer", o.layer_id));
      if (!o.cluster_id.empty())
        add_unique(terms, facet_term("cluster", o.cluster_id));
    } else {
      add_unique(terms, facet_term("bk", o.qualification_id));
      const auto last_dash = o.qualification_id.rfind('-');
      if (last_dash != std::string::npos) {
        add_unique(terms, facet_term("bk", o.qualification_id.substr(0, last_dash)));
      }
      if (o.vks)
        add_unique(terms, facet_term("level", std::to_string(*o.vks)));
    }
  }
  return statements;
}

std::string place_to_json(const Place& p) {
  nlohmann::ordered_json j = {{"kind", p.kind},
                              {"id", p.id},
                              {"path", p.path},
                              {"title", p.title},
                              {"statement_kind", p.statement_kind}};
  if (!p.cluster_id.empty())
    j["cluster"] = p.cluster_id;
  if (p.main_activity > 0)
    j["main_activity"] = p.main_activity;
  if (p.competence > 0)
    j["competence"] = p.competence;
  return j.dump();
}

}  // namespace vakkaart::search

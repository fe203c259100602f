#include "exchange/rdf_jsonld.h"

#include <map>

namespace vakkaart::exchange {

namespace {

constexpr const char* kJsonldRdfType = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";

// A compact IRI ("skos:Concept") where a prefix covers the IRI; the full IRI otherwise. A full
// IRI cannot be mistaken for a compact one: its scheme ("http", "urn") is no prefix of ours.
std::string jsonld_name(const RdfGraph& g, const std::string& iri) {
  std::string compact = rdf_compact(g.prefixes(), iri);
  return compact.empty() ? iri : compact;
}

}  // namespace

Json to_jsonld(const RdfGraph& graph) {
  Json context = Json::object();
  for (const RdfPrefix& p : graph.prefixes())
    context[p.name] = p.iri;
  std::vector<std::string> order;
  std::map<std::string, Json> nodes;
  for (const RdfTriple& t : graph.triples()) {
    auto [it, fresh] = nodes.try_emplace(t.subject, Json{{"@id", t.subject}});
    if (fresh)
      order.push_back(t.subject);
    Json& node = it->second;
    if (t.predicate == kJsonldRdfType && t.object.kind == RdfTerm::Kind::iri) {
      node["@type"].push_back(jsonld_name(graph, t.object.value));
      continue;
    }
    Json value;
    if (t.object.kind == RdfTerm::Kind::iri) {
      // Node references are full IRIs: "@id" values are not expanded with the context's
      // prefixes unless they look like one, and ours never need to.
      value = Json{{"@id", t.object.value}};
    } else if (t.object.datatype == kXsdBoolean) {
      // A JSON boolean is an xsd:boolean in JSON-LD, with no "@type" needed.
      value = Json{{"@value", t.object.value == "true"}};
    } else {
      value = Json{{"@value", t.object.value}};
      if (!t.object.language.empty())
        value["@language"] = t.object.language;
      else if (!t.object.datatype.empty())
        value["@type"] = t.object.datatype;
    }
    node[jsonld_name(graph, t.predicate)].push_back(std::move(value));
  }
  Json list = Json::array();
  for (const std::string& subject : order)
    list.push_back(std::move(nodes[subject]));
  return Json{{"@context", context}, {"@graph", list}};
}

}  // namespace vakkaart::exchange

#pragma once

#include <set>
#include <string>
#include <tuple>
#include <vector>

namespace vakkaart::exchange {

inline constexpr const char* kXsdBoolean = "http://www.w3.org/2001/XMLSchema#boolean";

/// The object of a triple: an IRI, or a literal (a string with an optional language tag, or a
/// value of a datatype such as xsd:boolean).
struct RdfTerm {
  enum class Kind { iri, literal };
  Kind kind = Kind::iri;
  std::string value;
  std::string language;  // literals only; "" for a plain xsd:string
  std::string datatype;  // literals only; "" for xsd:string or a language-tagged string

  static RdfTerm iri(std::string value) { return {Kind::iri, std::move(value), "", ""}; }
  static RdfTerm literal(std::string value, std::string language = "") {
    return {Kind::literal, std::move(value), std::move(language), ""};
  }
  /// An xsd:boolean ("true"/"false"), as owl:deprecated takes it.
  static RdfTerm boolean(bool value) {
    return {Kind::literal, value ? "true" : "false", "", kXsdBoolean};
  }
  bool operator<(const RdfTerm& o) const {
    return std::tie(kind, value, language, datatype) <
           std::tie(o.kind, o.value, o.language, o.datatype);
  }
  bool operator==(const RdfTerm&) const = default;
};

struct RdfTriple {
  std::string subject;    // an IRI (we write no blank nodes)
  std::string predicate;  // an IRI
  RdfTerm object;
};

/// A prefix the serialisations abbreviate IRIs with ("skos" → SKOS's namespace).
struct RdfPrefix {
  std::string name;
  std::string iri;
};

/// A small RDF graph of our own: triples in the order they were added, each once. Both
/// serialisations (rdf_turtle.h, rdf_jsonld.h) write subjects in order of first appearance, so
/// the same content always gives the same bytes.
class RdfGraph {
 public:
  explicit RdfGraph(std::vector<RdfPrefix> prefixes) : prefixes_(std::move(prefixes)) {}

  /// Declares one more prefix (after those given at construction) unless its name is taken:
  /// a prefix only some graphs need is declared by those, so the others keep their bytes.
  void add_prefix(RdfPrefix prefix);

  /// Adds the triple unless the graph holds it already.
  void add(const std::string& subject, const std::string& predicate, RdfTerm object);

  const std::vector<RdfTriple>& triples() const { return triples_; }
  const std::vector<RdfPrefix>& prefixes() const { return prefixes_; }
  std::size_t size() const { return triples_.size(); }

 private:
  std::vector<RdfPrefix> prefixes_;
  std::vector<RdfTriple> triples_;
  std::set<std::tuple<std::string, std::string, RdfTerm>> seen_;
};

/// `iri` as prefix:local when a prefix covers it and the rest is a plain name (letters,
/// digits, '_', '-'; not starting with '-'), else "".
std::string rdf_compact(const std::vector<RdfPrefix>& prefixes, const std::string& iri);

}  // namespace vakkaart::exchange

#include "exchange/rdf_turtle.h"

#include <map>

namespace vakkaart::exchange {

namespace {

constexpr const char* kTurtleRdfType = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";

void turtle_hex2(std::string& out, unsigned char c, const char* prefix) {
  static const char* digits = "0123456789ABCDEF";
  out += prefix;
  out += digits[c >> 4];
  out += digits[c & 15];
}

// IRIREF excludes controls, space and <>"{}|^`\ (and escaping them with \u is not allowed
// either): they are percent-encoded, which is what the IRI means anyway.
std::string turtle_iri(const std::string& iri) {
  std::string out = "<";
  for (char ch : iri) {
    auto c = static_cast<unsigned char>(ch);
    if (c <= 0x20 || ch == '<' || ch == '>' || ch == '"' || ch == '{' || ch == '}' || ch == '|' ||
        ch == '^' || ch == '`' || ch == '\\')
      turtle_hex2(out, c, "%");
    else
      out += ch;
  }
  return out + ">";
}

std::string turtle_name(const RdfGraph& g, const std::string& iri) {
  std::string compact = rdf_compact(g.prefixes(), iri);
  return compact.empty() ? turtle_iri(iri) : compact;
}

std::string turtle_object(const RdfGraph& g, const RdfTerm& t) {
  if (t.kind == RdfTerm::Kind::iri)
    return turtle_name(g, t.value);
  // Turtle's own short form for booleans; another datatype is written out in full.
  if (t.datatype == kXsdBoolean)
    return t.value;
  std::string out = turtle_string(t.value);
  if (!t.language.empty())
    out += "@" + t.language;
  else if (!t.datatype.empty())
    out += "^^" + turtle_name(g, t.datatype);
  return out;
}

}  // namespace

std::string turtle_string(const std::string& text) {
  std::string out = "\"";
  for (char ch : text) {
    switch (ch) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(ch) < 0x20 || ch == 0x7f)
          turtle_hex2(out, static_cast<unsigned char>(ch), "\\u00");
        else
          out += ch;  // UTF-8 bytes of non-ASCII characters are written as they are
    }
  }
  return out + "\"";
}

std::string to_turtle(const RdfGraph& graph) {
  std::string out;
  for (const RdfPrefix& p : graph.prefixes())
    out += "@prefix " + p.name + ": " + turtle_iri(p.iri) + " .\n";
  // Subjects in order of first appearance, each with its triples in the order added.
  std::vector<std::string> order;
  std::map<std::string, std::vector<const RdfTriple*>> by_subject;
  for (const RdfTriple& t : graph.triples()) {
    auto& list = by_subject[t.subject];
    if (list.empty())
      order.push_back(t.subject);
    list.push_back(&t);
  }
  for (const std::string& subject : order) {
    out += "\n" + turtle_iri(subject);
    const auto& list = by_subject[subject];
    for (std::size_t i = 0; i < list.size(); ++i) {
      const RdfTriple& t = *list[i];
      out += i == 0 ? "\n    " : " ;\n    ";
      out += t.predicate == kTurtleRdfType ? std::string("a") : turtle_name(graph, t.predicate);
      out += " " + turtle_object(graph, t.object);
    }
    out += " .\n";
  }
  return out;
}

}  // namespace vakkaart::exchange

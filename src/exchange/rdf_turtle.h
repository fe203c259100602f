#pragma once

#include <string>

#include "exchange/rdf_graph.h"

namespace vakkaart::exchange {

/// The graph in Turtle (W3C RDF 1.1 Turtle): the prefixes, then one block per subject in order
/// of first appearance. Every string literal is escaped (quote, backslash, line breaks, other
/// control characters as \u00XX; other characters, non-ASCII included, as UTF-8); a character
/// Turtle does not allow in an IRI is percent-encoded. Booleans are written bare (`true`).
std::string to_turtle(const RdfGraph& graph);

/// One string literal's quoted, escaped form (exposed for the tests).
std::string turtle_string(const std::string& text);

}  // namespace vakkaart::exchange

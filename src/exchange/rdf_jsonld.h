#pragma once

#include "core/json.h"
#include "exchange/rdf_graph.h"

namespace vakkaart::exchange {

/// The graph as JSON-LD 1.1: an `@context` declaring the graph's prefixes, and `@graph` with one
/// node object per subject in order of first appearance (`@type` for rdf:type, every other
/// property as an array of `{"@id"}` or `{"@value", "@language"}` objects (a boolean as a JSON
/// boolean, another typed literal with "@type"), keys compacted
/// with the prefixes). Expanding it gives exactly the graph's triples.
Json to_jsonld(const RdfGraph& graph);

}  // namespace vakkaart::exchange

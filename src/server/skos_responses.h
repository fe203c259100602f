#pragma once

#include <string>

#include "catalog/export_service.h"
#include "server/pipeline.h"

namespace vakkaart::server {

/// Content negotiation on the URLs of frameworks, profiles and qualifications (their pages and
/// their JSON): marks the response `Vary: Accept` and, when the Accept header asks for
/// `application/ld+json` or `text/turtle` (transport/rdf_accept.h), answers with the SKOS graph
/// of what `id` names as `kind` and returns true. False: the route answers as usual.
bool answer_with_skos(Context& c, catalog::IdKind kind, const std::string& id);

}  // namespace vakkaart::server

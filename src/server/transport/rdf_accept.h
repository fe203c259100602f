#pragma once

#include <string_view>

namespace vakkaart::server::transport {

/// Which RDF serialisation an Accept header asks for on the URLs of frameworks, profiles and
/// qualifications, instead of their page or JSON.
enum class RdfForm { none, jsonld, turtle };

/// `application/ld+json` gives jsonld and `text/turtle` turtle when its q-value is above zero
/// and no other listed type has a higher one (a tie goes to the RDF type, the more specific
/// wish; between the two RDF types the first listed wins a tie). A missing or unparsable header,
/// or `*/*` alone, gives none: browsers and JSON clients keep what they get today.
RdfForm rdf_form_for(std::string_view accept);

/// The key suffix of a negotiated form ("" for none), so the response cache keeps the three
/// representations of one URL apart.
std::string_view rdf_form_key(RdfForm form);

}  // namespace vakkaart::server::transport

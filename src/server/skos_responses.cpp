#include "server/skos_responses.h"

#include "analysis/crosswalk.h"
#include "core/json.h"
#include "exchange/rdf_jsonld.h"
#include "exchange/rdf_turtle.h"
#include "server/transport/rdf_accept.h"

namespace vakkaart::server {

bool answer_with_skos(Context& c, catalog::IdKind kind, const std::string& id) {
  c.res.set_header("Vary", "Accept");
  const auto form = transport::rdf_form_for(c.req.get_header_value("Accept"));
  if (form == transport::RdfForm::none)
    return false;
  // IRIs on the public URL when the site knows it; urn:vakkaart: otherwise, which is right
  // whatever Host a request names (and so safe to cache), as the CASE API does.
  exchange::SkosOptions options;
  options.base_url = c.site.config.public_url;
  auto alignments = [&c](const store::AlignmentFilter& filter) {
    return analysis::current_crosswalks(c.store(), c.pool.dedicated_opener(), filter);
  };
  auto graph = catalog::export_skos_of(c.store(), kind, id, options, alignments);
  c.res.status = 200;
  if (form == transport::RdfForm::turtle)
    c.res.set_content(exchange::to_turtle(graph), "text/turtle; charset=utf-8");
  else
    c.res.set_content(vakkaart::dump_canonical(exchange::to_jsonld(graph)),
                      "application/ld+json; charset=utf-8");
  return true;
}

}  // namespace vakkaart::server

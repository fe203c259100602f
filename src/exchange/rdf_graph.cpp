#include "exchange/rdf_graph.h"

namespace vakkaart::exchange {

void RdfGraph::add(const std::string& subject, const std::string& predicate, RdfTerm object) {
  if (!seen_.emplace(subject, predicate, object).second)
    return;
  triples_.push_back({subject, predicate, std::move(object)});
}

void RdfGraph::add_prefix(RdfPrefix prefix) {
  for (const RdfPrefix& p : prefixes_)
    if (p.name == prefix.name)
      return;
  prefixes_.push_back(std::move(prefix));
}

namespace {
bool rdf_plain_local_name(const std::string& s) {
  if (s.empty() || s.front() == '-')
    return false;
  for (char c : s) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '_' || c == '-';
    if (!ok)
      return false;
  }
  return true;
}
}  // namespace

std::string rdf_compact(const std::vector<RdfPrefix>& prefixes, const std::string& iri) {
  for (const RdfPrefix& p : prefixes) {
    if (iri.size() > p.iri.size() && iri.compare(0, p.iri.size(), p.iri) == 0) {
      std::string local = iri.substr(p.iri.size());
      if (rdf_plain_local_name(local))
        return p.name + ":" + local;
    }
  }
  return "";
}

}  // namespace vakkaart::exchange

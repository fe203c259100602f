#include "server/transport/rdf_accept.h"

#include <algorithm>
#include <cstdlib>
#include <string>

#include "text/text_utils.h"

namespace vakkaart::server::transport {

namespace {

std::string_view rdf_accept_trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
    s.remove_suffix(1);
  return s;
}

/// The q parameter of one media range (1 when absent; 0 when malformed, which RFC 9110 says
/// is at most three decimals between 0 and 1).
double rdf_accept_q(std::string_view params) {
  while (!params.empty()) {
    auto semi = params.find(';');
    std::string_view p = rdf_accept_trim(params.substr(0, semi));
    params = semi == std::string_view::npos ? std::string_view{} : params.substr(semi + 1);
    if (p.size() >= 2 && (p[0] == 'q' || p[0] == 'Q') && p[1] == '=') {
      std::string value(p.substr(2, 5));
      if (p.size() > 7 || value.empty())
        return 0;
      char* end = nullptr;
      double q = std::strtod(value.c_str(), &end);
      if (end != value.c_str() + value.size() || q < 0 || q > 1)
        return 0;
      return q;
    }
  }
  return 1;
}

}  // namespace

RdfForm rdf_form_for(std::string_view accept) {
  // Long headers are cut: no client lists thousands of types, and the work stays bounded.
  if (accept.size() > 4096)
    accept = accept.substr(0, 4096);
  double best_rdf = 0, best_other = 0;
  RdfForm form = RdfForm::none;
  while (!accept.empty()) {
    auto comma = accept.find(',');
    std::string_view range = accept.substr(0, comma);
    accept = comma == std::string_view::npos ? std::string_view{} : accept.substr(comma + 1);
    auto semi = range.find(';');
    std::string_view type = rdf_accept_trim(range.substr(0, semi));
    double q = semi == std::string_view::npos ? 1.0 : rdf_accept_q(range.substr(semi + 1));
    RdfForm here = text::ascii_iequals(type, "application/ld+json") ? RdfForm::jsonld
                   : text::ascii_iequals(type, "text/turtle")       ? RdfForm::turtle
                                                                    : RdfForm::none;
    if (here == RdfForm::none) {
      best_other = std::max(best_other, q);
    } else if (q > best_rdf) {
      best_rdf = q;
      form = here;
    }
  }
  return best_rdf > 0 && best_rdf >= best_other ? form : RdfForm::none;
}

std::string_view rdf_form_key(RdfForm form) {
  switch (form) {
    case RdfForm::none:
      return "";
    case RdfForm::jsonld:
      return "#rdf=jsonld";
    case RdfForm::turtle:
      return "#rdf=turtle";
  }
  return "";
}

}  // namespace vakkaart::server::transport

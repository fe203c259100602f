// The pages' crosswalk decision form without JavaScript: decide, then back to the page (303,
// so a reload does not post again). Errors are an HTML page, like every page route's.
#include "analysis/crosswalk.h"
#include "core/error.h"
#include "server/routes/routes.h"
#include "server/transport/local_redirect.h"
#include "server/views/crosswalk_view.h"

namespace vakkaart::server {

namespace {

void decide_from_form(Context& c) {
  // httplib fills req.params from an application/x-www-form-urlencoded body (and the query).
  const auto& req = c.req;
  const std::string source = req.get_param_value("source"), target = req.get_param_value("target");
  if (source.empty())
    throw Error(ErrorCode::invalid_argument, "missing field 'source'", {"", 0, "source"});
  if (target.empty())
    throw Error(ErrorCode::invalid_argument, "missing field 'target'", {"", 0, "target"});
  const auto decision = crosswalk_decision(req.get_param_value("decision"));
  c.store().in_transaction([&] {
    const auto a =
        analysis::decide_crosswalk(c.store(), source, target, decision, c.caller.actor());
    c.audit("crosswalk.decide", source + " -> " + target, model::to_string(a.status));
  });
  // Only back to a page of this site: the form is posted by our pages, but `back` is whatever
  // the poster put there.
  c.res.set_redirect(transport::local_redirect_target(req.get_param_value("back"), "/"), 303);
}

}  // namespace

void add_crosswalk_form(RouteTable& table) {
  table.route({.method = Method::post,
               .pattern = "/crosswalks/decide",
               .effect = Effect::write,
               .cache = Cache::no_store,
               .access = Access::curator,
               .kind = Kind::page},
              decide_from_form);
}

}  // namespace vakkaart::server

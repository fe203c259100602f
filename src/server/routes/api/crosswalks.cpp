// Crosswalk routes: the alignments as JSON (GET /api/crosswalks), each competence's best clusters
// (GET /api/crosswalks/clusters) and a person's decision on one
// (POST /api/crosswalks/decisions). The pages' form for the same decision is
// routes/pages/crosswalk_form.cpp.
#include "analysis/crosswalk.h"
#include "analysis/crosswalk_json.h"
#include "core/error.h"
#include "server/request_input.h"
#include "server/responses.h"
#include "server/routes/routes.h"
#include "server/views/crosswalk_view.h"

namespace vakkaart::server {

namespace {

using vakkaart::Json;

store::AlignmentFilter crosswalk_filter(const httplib::Request& req) {
  store::AlignmentFilter filter;
  filter.sources = list_param(req, "source");
  filter.targets = list_param(req, "target");
  if (req.has_param("type")) {
    filter.type = model::alignment_type_from_string(req.get_param_value("type"));
    if (!filter.type)
      throw Error(ErrorCode::invalid_argument, "type must be exact, close or related",
                  {"", 0, "type"});
  }
  if (req.has_param("status")) {
    filter.status = model::alignment_status_from_string(req.get_param_value("status"));
    if (!filter.status)
      throw Error(ErrorCode::invalid_argument, "status must be computed, confirmed or rejected",
                  {"", 0, "status"});
  }
  return filter;
}

void decide_crosswalk_json(Context& c) {
  Json body = json_body(c.req);
  if (!body.is_object())
    throw Error(ErrorCode::invalid_argument,
                "the body must be an object {source, target, decision}", {"", 0, "body"});
  const std::string source = json_string_member(body, "source", true);
  const std::string target = json_string_member(body, "target", true);
  const auto decision = crosswalk_decision(json_string_member(body, "decision", true));
  // The decision carries the signed-in curator's name, never a name the client sends.
  model::Alignment a;
  c.store().in_transaction([&] {
    a = analysis::decide_crosswalk(c.store(), source, target, decision, c.caller.actor());
    c.audit("crosswalk.decide", source + " -> " + target, model::to_string(a.status));
  });
  send_json(c.res, analysis::alignment_to_json(a));
}

}  // namespace

void add_crosswalk_api(RouteTable& table) {
  table.route({.method = Method::get,
               .pattern = "/api/crosswalks",
               .effect = Effect::read,
               .cache = Cache::by_content,
               .access = Access::public_read,
               .kind = Kind::api},
              [](Context& c) {
                auto filter = crosswalk_filter(c.req);
                auto list =
                    analysis::current_crosswalks(c.store(), c.pool.dedicated_opener(), filter);
                send_json(c.res, analysis::alignments_to_json(list));
              });
  table.route(
      {.method = Method::get,
       .pattern = "/api/crosswalks/clusters",
       .effect = Effect::read,
       .cache = Cache::by_content,
       .access = Access::public_read,
       .kind = Kind::api},
      [](Context& c) {
        // ?qualification=BK-0338 (a code means its current version) or none: all.
        std::string id;
        store::AlignmentFilter decided;
        if (c.req.has_param("qualification")) {
          const auto q = c.store().find_qualification(c.req.get_param_value("qualification"));
          if (!q)
            throw Error(ErrorCode::not_found, "no such qualification", {"", 0, "qualification"});
          id = q->id;
          decided.sources = {id};
        }
        // The curators' decisions move clusters up or out (analysis/cluster_decisions.h).
        const auto alignments =
            analysis::current_crosswalks(c.store(), c.pool.dedicated_opener(), decided);
        send_json(c.res, analysis::cluster_ranking_to_json(*c.pool.cluster_ranking().get(c.store()),
                                                           id, alignments));
      });
  table.route({.method = Method::post,
               .pattern = "/api/crosswalks/decisions",
               .effect = Effect::write,
               .cache = Cache::no_store,
               .access = Access::curator,
               .kind = Kind::api},
              decide_crosswalk_json);
}

}  // namespace vakkaart::server

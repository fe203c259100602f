// A job text read against the structure (nothing is stored).
#include "analysis/analysis_json.h"
#include "analysis/matcher.h"
#include "core/error.h"
#include "server/analyse_request.h"
#include "server/responses.h"
#include "server/routes/routes.h"

namespace vakkaart::server {

void add_analyse_api(RouteTable& table) {
  // POST /api/analyse: JSON {text, format?}, a multipart upload (file or text), or the document
  // itself as the body. ?detail=summary leaves out the segments.
  table.route({.method = Method::post,
               .pattern = "/api/analyse",
               .effect = Effect::read,
               .cache = Cache::no_store,
               .access = Access::public_read,
               .kind = Kind::api,
               .rate = RateLimit::analyse},
              [](Context& c) {
                const std::string detail = c.req.get_param_value("detail");
                if (!detail.empty() && detail != "full" && detail != "summary")
                  throw Error(ErrorCode::invalid_argument, "detail is full (default) or summary",
                              {"", 0, "detail"});
                const auto input = analyse_input_from(c.req);
                analysis::Matcher matcher(c.pool.structure().get(c.store()));
                const auto result =
                    matcher.analyse(input.text, detail == "summary" ? analysis::Detail::summary
                                                                    : analysis::Detail::full);
                send_json(c.res, analysis::analysis_to_json(result, matcher.index()));
              });
}

}  // namespace vakkaart::server

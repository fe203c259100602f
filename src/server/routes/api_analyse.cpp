#include "analysis/analysis_json.h"
#include "analysis/matcher.h"
#include "core/error.h"
#include "server/analyse_request.h"
#include "server/routes/route_helpers.h"
#include "server/routes/routes.h"

namespace vakkaart::server {

void register_analyse_api(httplib::Server& http, StorePool& pool) {
  // POST /api/analyse: JSON {text, format?}, a multipart upload (file or text), or the document
  // itself as the body. ?detail=summary leaves out the segments.
  http.Post("/api/analyse", with_store(pool, [&pool](store::Store& s, const httplib::Request& req,
                                                     httplib::Response& res) {
              const std::string detail = req.get_param_value("detail");
              if (!detail.empty() && detail != "full" && detail != "summary")
                throw Error(ErrorCode::invalid_argument, "detail is full (default) or summary",
                            {"", 0, "detail"});
              const auto input = analyse_input_from(req);
              analysis::Matcher matcher(pool.structure().get(s));
              const auto result =
                  matcher.analyse(input.text, detail == "summary" ? analysis::Detail::summary
                                                                  : analysis::Detail::full);
              send_json(res, analysis::analysis_to_json(result, matcher.index()));
              res.set_header("Cache-Control", "no-store");
            }));
}

}  // namespace vakkaart::server

// The read-only 1EdTech CASE 1.1 REST API, so CASE consumers (OpenSALT, CaSS, SIS tools) read
// vakkaart directly. Public reads like the catalog: the same content as `vakkaart export
// --format case`, cached until the database changes.
#include "analysis/crosswalk.h"
#include "catalog/case_api.h"
#include "server/responses.h"
#include "server/routes/routes.h"
#include "server/site.h"

namespace vakkaart::server {

namespace {

/// URIs point at this API when the site knows its public URL; otherwise they are urn:uuid:
/// URIs, which are right whatever Host a request names (and so safe to cache).
exchange::CaseExportOptions case_options(const Context& c) {
  exchange::CaseExportOptions options;
  std::string root = c.site.config.public_url;
  while (!root.empty() && root.back() == '/')
    root.pop_back();
  if (!root.empty())
    options.base_uri = root + "/ims/case/v1p1";
  return options;
}

/// Alignments as every other reader sees them: recomputed first when stale.
catalog::AlignmentLookup case_alignments(Context& c) {
  return [&c](const store::AlignmentFilter& filter) {
    return analysis::current_crosswalks(c.store(), c.pool.dedicated_opener(), filter);
  };
}

}  // namespace

void add_case_api(RouteTable& table) {
  table.route({.method = Method::get,
               .pattern = "/ims/case/v1p1/CFDocuments",
               .effect = Effect::read,
               .cache = Cache::by_content,
               .access = Access::public_read,
               .kind = Kind::api},
              [](Context& c) {
                send_json(c.res,
                          catalog::case_documents(c.store(), case_options(c), case_alignments(c)));
              });
  table.route({.method = Method::get,
               .pattern = R"(/ims/case/v1p1/CFPackages/([^/]+))",
               .effect = Effect::read,
               .cache = Cache::by_content,
               .access = Access::public_read,
               .kind = Kind::api},
              [](Context& c) {
                send_json(c.res, catalog::case_package_by_identifier(
                                     c.store(), c.capture(1), case_options(c), case_alignments(c)));
              });
  table.route({.method = Method::get,
               .pattern = R"(/ims/case/v1p1/CFItems/([^/]+))",
               .effect = Effect::read,
               .cache = Cache::by_content,
               .access = Access::public_read,
               .kind = Kind::api},
              [](Context& c) {
                send_json(c.res, catalog::case_item_by_identifier(
                                     c.store(), c.capture(1), case_options(c), case_alignments(c)));
              });
  table.route({.method = Method::get,
               .pattern = R"(/ims/case/v1p1/CFAssociations/([^/]+))",
               .effect = Effect::read,
               .cache = Cache::by_content,
               .access = Access::public_read,
               .kind = Kind::api},
              [](Context& c) {
                send_json(c.res, catalog::case_association_by_identifier(
                                     c.store(), c.capture(1), case_options(c), case_alignments(c)));
              });
}

}  // namespace vakkaart::server

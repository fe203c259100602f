// The analysis page: paste or upload a job text and see what of the structure it covers. The
// form posts to the same URL, so the page works without JavaScript; analysing stores nothing.
// "Maak hier een functie van" posts the analysis' draft (candidate and main activities) to
// /analyse/function, which creates the function and opens it in the composer.
#include "analysis/function_draft.h"
#include "compose/function_from_sources.h"
#include "core/error.h"
#include "server/routes/routes.h"
#include "server/views/page_views.h"
#include "text/text_utils.h"

namespace vakkaart::server {

namespace {

std::size_t code_points_of(std::string_view s) {
  std::size_t n = 0;
  for (char c : s)
    n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

/// POST /analyse/function: the form of the result page (candidate, title, one `source` per
/// main activity or competence). The text itself is not sent again: the sources are checked
/// against the structure, never trusted (an unknown one is a 400 naming it).
void function_from_analysis(Context& c) {
  const auto& req = c.req;
  std::vector<std::string> sources;
  const auto range = req.params.equal_range("source");
  for (auto it = range.first; it != range.second; ++it)
    sources.push_back(it->second);
  const std::string title = text::collapse_whitespace(req.get_param_value("title"));
  if (title.empty())
    throw Error(ErrorCode::invalid_argument, "the function needs a title", {"", 0, "title"});
  if (code_points_of(title) > analysis::kMaxDraftTitleChars)
    throw Error(
        ErrorCode::too_large,
        "a title of at most " + std::to_string(analysis::kMaxDraftTitleChars) + " characters",
        {"", 0, "title"});
  const auto index = c.pool.structure().get(c.store());
  const auto draft =
      analysis::checked_function_draft(*index, req.get_param_value("candidate"), sources);
  compose::NewFunction spec;
  spec.title = title;
  spec.organisation = c.caller.org_name;
  if (draft.profile) {
    // The function is drawn in the candidate's ring model and starts with its own core.
    spec.framework_id = draft.framework_id;
    spec.core_profile_id = draft.candidate_id;
  }
  compose::FunctionService service(c.store(), c.creation_scope());
  model::FunctionProfile f;
  c.store().in_transaction([&] {
    f = compose::create_with_sources(service, spec, draft.sources, c.caller.actor());
    c.audit("function.create", f.id,
            f.title + " (from an analysis: " + std::to_string(draft.sources.size()) +
                " blocks of " + draft.candidate_id + ")");
  });
  // 303: a reload of the composer does not post again.
  c.res.set_redirect(page_url("/functions/" + f.id, {}, c.lang), 303);
}

}  // namespace

void add_analyse_pages(RouteTable& table) {
  table.route({.method = Method::get,
               .pattern = "/analyse",
               .effect = Effect::read,
               .cache = Cache::by_content,
               .access = Access::public_read,
               .kind = Kind::page},
              [](Context& c) { send_page(c, analyse_form_page(c)); });
  table.route({.method = Method::post,
               .pattern = "/analyse",
               .effect = Effect::read,
               .cache = Cache::no_store,
               .access = Access::public_read,
               .kind = Kind::page,
               .rate = RateLimit::analyse},
              [](Context& c) { send_page(c, analyse_result_page(c)); });
  // Functions belong to an organisation: only its editors create them (docs/security.md).
  table.route({.method = Method::post,
               .pattern = "/analyse/function",
               .effect = Effect::write,
               .cache = Cache::no_store,
               .access = Access::org_write,
               .kind = Kind::page},
              function_from_analysis);
}

}  // namespace vakkaart::server

#pragma once

#include <string>

#include "server/pipeline.h"
#include "server/views/page.h"

namespace vakkaart::server {

// The view of every HTML page: what the library answers (through the same view models as the
// JSON API, so a page never shows data the API would not give), turned into the Json a template
// of web/templates prints. Each throws Error for what the request got wrong (an unknown id, a
// bad parameter), which the pipeline turns into an error page.

/// `/`: the frameworks with their profiles, and the qualifications.
Page start_page(Context& r);
/// `/profiles/{id}` (the ring, one cluster open) or its print view.
Page profile_page(Context& r, const std::string& id, bool print);
/// `/qualifications/{id}?tab=`, with the crosswalk of each competence.
Page qualification_page(Context& r, const std::string& id);
/// `/search?q=…`: results, facets, paging.
Page search_page(Context& r);
/// `/compare?item=…`: the summary, the details per cluster (a qualification's competences placed
/// in the cluster rows), the crosswalk between two profiles, the heat maps of all items.
Page compare_page(Context& r);
/// `/functions`: the list of function profiles.
Page function_list_page(Context& r);
/// `/functions/{id}`: the composer of one function (read-only view plus the script's data).
Page composer_page(Context& r, const std::string& id);
/// `GET /analyse`: the form.
Page analyse_form_page(Context& r);
/// `POST /analyse`: the form's result, from the same AnalysisResult as POST /api/analyse.
Page analyse_result_page(Context& r);

}  // namespace vakkaart::server

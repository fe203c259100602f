#pragma once

#include <string>

#include "core/json.h"
#include "model/framework.h"

namespace vakkaart::server {

/// Issue 18: a profile's page JSON (sources::profile_to_json) in the reader's language where a
/// label exists, Dutch otherwise. Each shown text is replaced by its label and a member beside
/// it names the language the text is now in, for the element's lang attribute: `title_lang`
/// and `definition_lang` on the profile, `title_lang` on each cluster and main activity, `lang`
/// on each activity ("nl" when no label). The templates escape every text as before.
void show_labels(vakkaart::Json& profile_json, const model::Framework& framework,
                 const model::Profile& profile, const std::string& lang);

}  // namespace vakkaart::server

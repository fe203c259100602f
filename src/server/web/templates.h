#pragma once

#include <string>

#include "core/json.h"

namespace vakkaart::server::web {

/// Renders web/templates/<name>.mustache with a JSON view. Every template is also a partial
/// ({{> name}}), so pages share a head and foot and nested lists can recurse. `{{x}}` is
/// HTML-escaped; `{{{x}}}` is for markup we made ourselves (SVG, search snippets).
std::string render_template(const std::string& name, const vakkaart::Json& view);

}  // namespace vakkaart::server::web

#pragma once

#include <string>
#include <string_view>

#include "server/web/embedded_files.h"

namespace vakkaart::server::web {

/// The embedded file at `path` (relative to web/), or null.
const EmbeddedFile* find_web_file(std::string_view path);

/// The URL of a static asset with its content hash, e.g. "/static/css/app.css?v=3f2a…": the
/// hash changes with the content, so the server can let browsers cache assets for good.
std::string asset_url(std::string_view static_path);

/// Content type of an embedded file, from its extension.
std::string content_type_of(std::string_view path);

}  // namespace vakkaart::server::web

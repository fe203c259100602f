#pragma once

#include <string>

#include "core/json.h"

namespace vakkaart::server::web {

/// "en" when asked for, else "nl": Dutch is the default language of every page.
std::string supported_lang(const std::string& asked);

/// The words of the interface in one language (web/i18n/<lang>.json), as a JSON object.
const vakkaart::Json& ui_texts(const std::string& lang);

}  // namespace vakkaart::server::web

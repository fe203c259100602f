#pragma once

#include <string>

#include "core/json.h"

namespace vakkaart::server::transport {

/// `value` as JSON text that is safe inside an HTML element, e.g. <script
/// type="application/json">: every "<", ">" and "&" is written \u003c, \u003e, \u0026, and
/// U+2028 and U+2029 as \u2028 and \u2029, so no stored text ("</script>", "<!--<script>")
/// can end the element or start a comment that swallows what follows. Still JSON, which
/// JSON.parse() reads back to the same value. Text that is not valid UTF-8 is replaced.
std::string json_for_html(const vakkaart::Json& value);

}  // namespace vakkaart::server::transport

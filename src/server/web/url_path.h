#pragma once

#include <string>
#include <string_view>

namespace vakkaart::server::web {

/// A decoded request path as it may stand in a link or an error message: bytes outside a path's
/// own characters (controls, spaces, '%', '"', non-ASCII) percent-encoded. The path is whatever
/// the client sent, so a page or problem answering /static/%00 must not carry the NUL itself.
std::string path_in_link(std::string_view path);

}  // namespace vakkaart::server::web

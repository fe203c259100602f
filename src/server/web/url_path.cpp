#include "server/web/url_path.h"

#include "text/text_utils.h"

namespace vakkaart::server::web {

std::string path_in_link(std::string_view path) {
  return text::percent_encode(path, "-._~!$&'()*+,;=:@/");
}

}  // namespace vakkaart::server::web

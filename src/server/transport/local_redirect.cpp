#include "server/transport/local_redirect.h"

#include <algorithm>

namespace vakkaart::server::transport {

std::string local_redirect_target(const std::string& target, const std::string& fallback) {
  const bool printable = std::all_of(target.begin(), target.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u > 0x20 && u < 0x7f && c != '\\';
  });
  const bool local = !target.empty() && target.size() <= 2048 && target.front() == '/' &&
                     target.find("//") == std::string::npos;
  return printable && local ? target : fallback;
}

}  // namespace vakkaart::server::transport

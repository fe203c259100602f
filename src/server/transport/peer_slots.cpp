#include "server/transport/peer_slots.h"

#include <arpa/inet.h>
#include <netinet/in.h>

#include <cstring>

namespace vakkaart::server::transport {

std::string peer_key(const sockaddr_storage& address) {
  char text[INET6_ADDRSTRLEN] = {};
  if (address.ss_family == AF_INET) {
    const auto& v4 = reinterpret_cast<const sockaddr_in&>(address);
    ::inet_ntop(AF_INET, &v4.sin_addr, text, sizeof text);
    return text;
  }
  if (address.ss_family != AF_INET6)
    return "?";
  const auto& v6 = reinterpret_cast<const sockaddr_in6&>(address);
  if (IN6_IS_ADDR_V4MAPPED(&v6.sin6_addr)) {
    in_addr v4{};
    std::memcpy(&v4, v6.sin6_addr.s6_addr + 12, sizeof v4);
    ::inet_ntop(AF_INET, &v4, text, sizeof text);
    return text;
  }
  in6_addr prefix{};
  std::memcpy(prefix.s6_addr, v6.sin6_addr.s6_addr, 8);
  ::inet_ntop(AF_INET6, &prefix, text, sizeof text);
  return std::string(text) + "/64";
}

bool is_this_machine(const sockaddr_storage& address) {
  if (address.ss_family == AF_INET)
    return ntohl(reinterpret_cast<const sockaddr_in&>(address).sin_addr.s_addr) == INADDR_LOOPBACK;
  if (address.ss_family != AF_INET6)
    return false;
  const auto& a = reinterpret_cast<const sockaddr_in6&>(address).sin6_addr;
  static const unsigned char mapped[16] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 127, 0, 0, 1};
  return IN6_IS_ADDR_LOOPBACK(&a) || std::memcmp(a.s6_addr, mapped, 16) == 0;
}

PeerSlots::Take PeerSlots::take(const std::string& key, bool capped) {
  if (total_ >= max_total_)
    return Take::server_full;
  auto& held = held_[key];
  if (capped && held >= max_per_address_) {
    if (held == 0)
      held_.erase(key);
    return Take::address_full;
  }
  ++held;
  ++total_;
  return Take::ok;
}

void PeerSlots::give_back(const std::string& key) {
  auto it = held_.find(key);
  if (it == held_.end())
    return;
  if (--it->second == 0)
    held_.erase(it);
  --total_;
}

std::size_t PeerSlots::held_by(const std::string& key) const {
  auto it = held_.find(key);
  return it == held_.end() ? 0 : it->second;
}

}  // namespace vakkaart::server::transport

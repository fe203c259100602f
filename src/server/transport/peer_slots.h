#pragma once

#include <sys/socket.h>

#include <cstddef>
#include <string>
#include <unordered_map>

namespace vakkaart::server::transport {

/// The key connections are counted under: an IPv4 address ("192.0.2.7", also when it comes
/// as an IPv4-mapped IPv6 address), or an IPv6 address's /64 prefix ("2001:db8:0:1::/64"),
/// since one IPv6 client is normally given a whole /64 and could otherwise take a slot per
/// address in it. "?" for an address of another family.
std::string peer_key(const sockaddr_storage& address);

/// Whether the address is this machine's own: 127.0.0.1 or ::1 (also IPv4-mapped).
bool is_this_machine(const sockaddr_storage& address);

/// How many connections each client (by peer_key) and all clients together hold, against
/// the caps: so one client cannot take every connection the server is willing to keep, and
/// all together cannot take more descriptors than the process may open. Not thread-safe: the
/// connection layer calls it under its own lock.
class PeerSlots {
 public:
  enum class Take { ok, address_full, server_full };

  PeerSlots(std::size_t max_total, std::size_t max_per_address)
      : max_total_(max_total), max_per_address_(max_per_address) {}

  /// Takes a slot for a new connection of `key`, or says which cap is reached. `capped`
  /// false: only the total cap applies (this machine: a reverse proxy all clients come
  /// through, a health check, a load test).
  Take take(const std::string& key, bool capped = true);
  /// Gives back the slot of a closed connection of `key`.
  void give_back(const std::string& key);

  std::size_t total() const { return total_; }
  std::size_t held_by(const std::string& key) const;

 private:
  std::size_t max_total_;
  std::size_t max_per_address_;
  std::size_t total_ = 0;
  std::unordered_map<std::string, std::size_t> held_;
};

}  // namespace vakkaart::server::transport

#pragma once

#include <chrono>
#include <string>
#include <string_view>

namespace vakkaart::auth {

/// `t` as ISO 8601 UTC with seconds ("2026-12-05T07:30:00Z"): how times are stored, so that text
/// comparison orders them.
std::string iso_utc(std::chrono::system_clock::time_point t);
inline std::string iso_now() {
  return iso_utc(std::chrono::system_clock::now());
}
/// Now moved by `offset` (negative: in the past).
inline std::string iso_from_now(std::chrono::seconds offset) {
  return iso_utc(std::chrono::system_clock::now() + offset);
}

/// A "since" bound of the audit log (`vakkaart audit --since`, GET /api/audit?since=) as the
/// prefix of stored times it means: a UTC date, or a date and time to the minute or second
/// ("2026-12-01", "2026-12-01T07:30", "2026-12-01T07:30:00Z"; a space for the T). "" stays
/// "" (no bound). Anything else throws Error(invalid_argument) naming `name`: compared as text,
/// a word would silently match nothing.
std::string since_bound(std::string_view text, const std::string& name);

}  // namespace vakkaart::auth

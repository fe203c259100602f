#include "auth/clock.h"

#include <ctime>

#include "core/error.h"

namespace vakkaart::auth {

namespace {

/// The number in `text` at [at, at + digits), or -1 when those are not all digits.
int since_number(std::string_view text, std::size_t at, std::size_t digits) {
  if (text.size() < at + digits)
    return -1;
  int value = 0;
  for (std::size_t i = at; i < at + digits; ++i) {
    if (text[i] < '0' || text[i] > '9')
      return -1;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

bool since_date_ok(std::string_view d) {
  if (d.size() != 10 || d[4] != '-' || d[7] != '-')
    return false;
  const int y = since_number(d, 0, 4), m = since_number(d, 5, 2), day = since_number(d, 8, 2);
  if (y < 0 || m < 0 || day < 0)
    return false;
  return std::chrono::year_month_day(std::chrono::year(y), std::chrono::month(unsigned(m)),
                                     std::chrono::day(unsigned(day)))
      .ok();
}

/// "HH:MM" or "HH:MM:SS".
bool since_time_ok(std::string_view t) {
  if (t.size() != 5 && t.size() != 8)
    return false;
  if (t[2] != ':' || (t.size() == 8 && t[5] != ':'))
    return false;
  const int h = since_number(t, 0, 2), m = since_number(t, 3, 2);
  const int s = t.size() == 8 ? since_number(t, 6, 2) : 0;
  return h >= 0 && h < 24 && m >= 0 && m < 60 && s >= 0 && s < 60;
}

}  // namespace

std::string iso_utc(std::chrono::system_clock::time_point t) {
  const std::time_t seconds = std::chrono::system_clock::to_time_t(t);
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string since_bound(std::string_view text, const std::string& name) {
  if (text.empty())
    return {};
  std::string out(text);
  // Stored times end in Z; a bound without seconds must not, or "07:30Z" would sort after
  // "07:30:00Z" and leave out the entries of that very minute.
  if (out.size() > 10 && out.back() == 'Z')
    out.pop_back();
  if (out.size() > 10 && out[10] == ' ')
    out[10] = 'T';
  const std::string_view date = std::string_view(out).substr(0, 10);
  const bool ok =
      since_date_ok(date) &&
      (out.size() == 10 || (out[10] == 'T' && since_time_ok(std::string_view(out).substr(11))));
  if (!ok)
    throw Error(ErrorCode::invalid_argument,
                "not a date or time: give one in UTC as ISO 8601, e.g. 2026-12-01, "
                "2026-12-01T07:30 or 2026-12-01T07:30:00Z",
                {"", 0, name});
  return out;
}

}  // namespace vakkaart::auth

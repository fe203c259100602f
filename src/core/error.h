#pragma once

#include <stdexcept>
#include <string>

namespace vakkaart {

/// Stable error codes; the server maps each to one HTTP status, the CLI to an exit code.
enum class ErrorCode {
  invalid_argument,    // misuse: bad option, bad id syntax
  not_found,           // unknown id, missing file
  parse_error,         // a document that does not follow its format
  unsupported_format,  // a document of no known format
  encoding_error,      // bytes that are not text we can read
  too_large,           // input above the size we accept
  conflict,            // a write that would clash with existing data
  io_error,            // the file system refused
  database_error,      // the store refused (locked, read-only, corrupt)
  unauthenticated,     // who is asking is unknown: sign in, or send a token
  forbidden,           // known, but without the role (or a CSRF check failed)
  rate_limited,        // too many tries; try again later
  unsupported_media,   // a body of a type the endpoint does not take (415)
  unavailable,         // the database server is unreachable or timed out; try again (503)
  internal,            // a bug
};

/// Where an error happened: any of the parts may be empty / zero.
struct Location {
  std::string file;
  int line = 0;
  std::string field;
};

/// The one error type of the library: a code, a message and a location.
class Error : public std::runtime_error {
 public:
  Error(ErrorCode code, const std::string& message, Location where = {});

  ErrorCode code() const { return code_; }
  const Location& where() const { return where_; }
  /// The bare message, without the location prefix that what() carries.
  const std::string& message() const { return message_; }
  /// HTTP-like status for this error's code (404 for not_found, ...).
  int http_status() const;
  /// Stable lowercase name of the code, e.g. "not_found".
  std::string code_name() const;

 private:
  ErrorCode code_;
  std::string message_;
  Location where_;
};

/// "file:line: field: " prefix for messages, omitting empty parts.
std::string format_location(const Location& where);

}  // namespace vakkaart

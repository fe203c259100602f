#include "core/error.h"

namespace vakkaart {

std::string format_location(const Location& where) {
  std::string out;
  if (!where.file.empty()) {
    out += where.file;
    if (where.line > 0)
      out += ":" + std::to_string(where.line);
    out += ": ";
  }
  if (!where.field.empty())
    out += where.field + ": ";
  return out;
}

Error::Error(ErrorCode code, const std::string& message, Location where)
    : std::runtime_error(format_location(where) + message),
      code_(code),
      message_(message),
      where_(std::move(where)) {}

int Error::http_status() const {
  switch (code_) {
    case ErrorCode::invalid_argument:
    case ErrorCode::parse_error:
    case ErrorCode::unsupported_format:
    case ErrorCode::encoding_error:
      return 400;
    case ErrorCode::not_found:
      return 404;
    case ErrorCode::conflict:
      return 409;
    case ErrorCode::too_large:
      return 413;
    case ErrorCode::unauthenticated:
      return 401;
    case ErrorCode::forbidden:
      return 403;
    case ErrorCode::rate_limited:
      return 429;
    case ErrorCode::unsupported_media:
      return 415;
    case ErrorCode::unavailable:
      return 503;
    case ErrorCode::io_error:
    case ErrorCode::database_error:
    case ErrorCode::internal:
      return 500;
  }
  return 500;
}

std::string Error::code_name() const {
  switch (code_) {
    case ErrorCode::invalid_argument:
      return "invalid_argument";
    case ErrorCode::not_found:
      return "not_found";
    case ErrorCode::parse_error:
      return "parse_error";
    case ErrorCode::unsupported_format:
      return "unsupported_format";
    case ErrorCode::encoding_error:
      return "encoding_error";
    case ErrorCode::too_large:
      return "too_large";
    case ErrorCode::conflict:
      return "conflict";
    case ErrorCode::io_error:
      return "io_error";
    case ErrorCode::database_error:
      return "database_error";
    case ErrorCode::unauthenticated:
      return "unauthenticated";
    case ErrorCode::forbidden:
      return "forbidden";
    case ErrorCode::rate_limited:
      return "rate_limited";
    case ErrorCode::unsupported_media:
      return "unsupported_media";
    case ErrorCode::unavailable:
      return "unavailable";
    case ErrorCode::internal:
      return "internal";
  }
  return "internal";
}

}  // namespace vakkaart

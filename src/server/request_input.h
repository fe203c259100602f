#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "core/error.h"
#include "core/json.h"
#include "search/searcher.h"

namespace vakkaart::server {

// The edge: what a request carries, read into checked values. Every function here throws
// Error(invalid_argument) naming the field (400) for input a client got wrong, so nothing a
// client sends reaches a handler unchecked or ends as a 500.

/// Refuses (400, naming the part) a request whose path parameters, query or form parameters
/// (names and values) or multipart field and file names are not valid UTF-8: everything a
/// handler may echo into JSON or a page is text. Bodies are checked where they are read.
void check_request_text(const httplib::Request& req);

/// Every `item` parameter, each also split at commas ("?item=a,b&item=c"); blanks dropped.
std::vector<std::string> item_ids(const httplib::Request& req);

/// Every value of query parameter `name`, each also split at commas; blanks dropped.
std::vector<std::string> list_param(const httplib::Request& req, const std::string& name);

/// A whole number query parameter in [0, max] (digits only); `fallback` when absent.
std::size_t size_param(const httplib::Request& req, const std::string& name, std::size_t fallback,
                       std::size_t max);

/// A whole number in [min, max] written in decimal digits (a path parameter), else 400 naming
/// `field`.
long long whole_number(const std::string& text, const std::string& field, long long min,
                       long long max);

/// The search the query string asks for (q, limit, offset, facets=1, filters); q is required
/// unless a filter is given.
search::SearchRequest search_request_from(const httplib::Request& req);

/// The request body as JSON; Error(invalid_argument, field "body") when it is not JSON, or
/// holds what JSON allows but vakkaart does not (a number out of range such as 1e999).
vakkaart::Json json_body(const httplib::Request& req);

/// A string member of a JSON body ("" when absent and not required); Error naming the field
/// when it is missing but required, or not a string.
std::string json_string_member(const vakkaart::Json& body, const char* key, bool required);

/// Runs `read`, code that reads a client's JSON (the body, or edits within it), so that an
/// exception the JSON library throws in it (a member of the wrong type, a number out of range)
/// is the client's mistake: 400 naming `field`. Outside read_input such an exception is a bug
/// and stays a 500.
template <typename Read>
auto read_input(Read&& read, const std::string& field = "body") -> decltype(read()) {
  try {
    return read();
  } catch (const nlohmann::json::exception& e) {
    throw Error(ErrorCode::invalid_argument,
                std::string("the request could not be read: ") + e.what(), {"", 0, field});
  }
}

/// Like read_input, for a reader of a whole document (the body): a parse or encoding error it
/// reports without naming a field is also the client's, so it names `field`.
template <typename Read>
auto read_document(Read&& read, const std::string& field = "body") -> decltype(read()) {
  try {
    return read_input(std::forward<Read>(read), field);
  } catch (const Error& e) {
    const bool unread = e.code() == ErrorCode::parse_error || e.code() == ErrorCode::encoding_error;
    if (!unread || !e.where().field.empty())
      throw;
    throw Error(e.code(), e.message(), {e.where().file, e.where().line, field});
  }
}

/// `s` with every ill-formed UTF-8 sequence replaced by U+FFFD: for echoing client input in
/// messages.
std::string printable_utf8(const std::string& s);

}  // namespace vakkaart::server

#pragma once

#include <string>
#include <string_view>

#include "search/indexed_statement.h"

namespace vakkaart::search {

/// What an index document carries back to the results: the statement id, its text and places.
/// A line-and-tab format rather than JSON: writing a million of these is part of the index build,
/// and statement texts never hold a tab or newline (the importers collapse whitespace).
std::string encode_document_data(const IndexedStatement& statement);

struct DocumentData {
  int64_t id = 0;
  std::string text;
  std::vector<Place> places;
};
DocumentData decode_document_data(std::string_view data);

/// The Xapian value slot that holds a document's encoded data. A value rather than the
/// document data: Xapian zlib-compresses document data on every write and inflates it on every
/// read (a cost per indexed statement and per hit shown), while values sit uncompressed in
/// chunks of the posting list table.
inline constexpr unsigned kDocumentDataSlot = 0;

/// The value slot that orders statements as the store does (its statement id, sortable): a
/// query of filters alone ("cluster:communiceren") lists its statements in that order, as
/// every match weighs the same.
inline constexpr unsigned kStoreOrderSlot = 1;

}  // namespace vakkaart::search

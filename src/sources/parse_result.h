#pragma once

#include <string>
#include <vector>

#include "core/error.h"
#include "model/document.h"

namespace vakkaart::sources {

/// One line of an import report that is not an error.
struct ReportNote {
  enum class Kind {
    info,      // what was found ("5 profiles, 9 clusters")
    decision,  // an ambiguous layout and the rule applied to it
    warning,   // kept, but worth a look (unknown section, suspected typo, unlinked activity)
  };
  Kind kind = Kind::info;
  std::string message;
  Location where;
};

/// What a parser gives back: the documents of one file and what it noticed doing so.
struct ParseResult {
  std::vector<model::Document> documents;
  std::vector<ReportNote> notes;
};

const char* to_string(ReportNote::Kind kind);

}  // namespace vakkaart::sources

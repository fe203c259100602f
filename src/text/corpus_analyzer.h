#pragma once

#include <memory>
#include <string>
#include <vector>

#include "text/analyzer.h"

namespace vakkaart::text {

/// The analyzer of a corpus: the standard one plus the corpus's own vocabulary (its spelling
/// words), so that a query or a job text splits compounds exactly as the corpus's statements
/// were split. The search index and the analysis index both build theirs with it.
std::shared_ptr<const Analyzer> analyzer_for_corpus(const std::vector<std::string>& texts);

}  // namespace vakkaart::text

#pragma once

#include <string>
#include <vector>

#include "model/document.h"
#include "sources/parse_result.h"

namespace vakkaart::sources {

/// Suspected typos: two statements that are the same sentence but for one word, where the two
/// words are one edit apart ("Betreft alle actoren …" beside "Betrekt alle actoren …"). The rarer
/// spelling is reported as a warning; the text itself is never changed.
std::vector<ReportNote> lint_typos(const std::vector<std::string>& statements,
                                   const std::string& file_name);

}  // namespace vakkaart::sources

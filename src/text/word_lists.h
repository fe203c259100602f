#pragma once

#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace vakkaart::text {

/// data/stopwords-nl.txt: one folded word per line, "#" comments.
std::unordered_set<std::string> load_stopwords(const std::string& path);

/// data/synonyms-nl.txt: one group per line, "a ~ b ~ c", "#" comments. Each word maps to the
/// other words of its group. Throws Error naming the file and line for a malformed line.
std::unordered_map<std::string, std::vector<std::string>> load_synonyms(const std::string& path);

/// The data directory: $VAKKAART_DATA_DIR, else the one the build was configured with.
std::string data_dir();

}  // namespace vakkaart::text

#pragma once

#include <string>

namespace vakkaart::cli {

/// Writes through a temporary file and a rename, so a failed write leaves no half file.
void write_file_atomically(const std::string& path, const std::string& content);

}  // namespace vakkaart::cli

#pragma once

#include <vector>

namespace vakkaart::server::web {

/// One file of web/ compiled into the binary.
struct EmbeddedFile {
  const char* path;     // relative to web/, e.g. "static/css/app.css"
  const char* hash;     // first 12 hex digits of the content's SHA-256
  const char* content;  // the bytes (text files only)
};

/// Every file under web/ (generated at build time by cmake/embed_web.cmake).
const std::vector<EmbeddedFile>& embedded_files();

}  // namespace vakkaart::server::web

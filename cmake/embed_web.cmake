# Writes OUT: a C++ file holding every file under DIR (templates, static assets, UI texts) with
# a short content hash, so `vakkaart serve` needs no files beside the binary and asset URLs
# change whenever their content does (browsers may then cache them for good).
file(GLOB_RECURSE files RELATIVE ${DIR} ${DIR}/*)
list(SORT files)
set(body "// Generated from web/; do not edit.\n#include \"server/web/embedded_files.h\"\n\nnamespace vakkaart::server::web {\n\nconst std::vector<EmbeddedFile>& embedded_files() {\n  static const std::vector<EmbeddedFile> all = {\n")
foreach(f ${files})
  file(READ ${DIR}/${f} content)
  string(SHA256 hash "${content}")
  string(SUBSTRING ${hash} 0 12 hash)
  string(APPEND body "      {\"${f}\", \"${hash}\", R\"__web__(${content})__web__\"},\n")
endforeach()
string(APPEND body "  };\n  return all;\n}\n\n}  // namespace vakkaart::server::web\n")
file(WRITE ${OUT}.tmp "${body}")
configure_file(${OUT}.tmp ${OUT} COPYONLY)

#include "server/web/ui_texts.h"

#include "core/error.h"
#include "server/web/web_files.h"

namespace vakkaart::server::web {

namespace {

vakkaart::Json load(const std::string& lang) {
  const EmbeddedFile* f = find_web_file("i18n/" + lang + ".json");
  if (!f)
    throw Error(ErrorCode::internal, "no interface texts for language '" + lang + "'");
  return vakkaart::Json::parse(f->content);
}

}  // namespace

std::string supported_lang(const std::string& asked) {
  return asked == "en" ? "en" : "nl";
}

const vakkaart::Json& ui_texts(const std::string& lang) {
  static const vakkaart::Json nl = load("nl");
  static const vakkaart::Json en = load("en");
  return lang == "en" ? en : nl;
}

}  // namespace vakkaart::server::web

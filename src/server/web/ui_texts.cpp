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

std::string layer_title(const std::string& id, const std::string& source_title,
                        const std::string& lang) {
  const auto& known = ui_texts(lang).at("layers");
  return known.contains(id) ? known.at(id).get<std::string>() : source_title;
}

std::string counted(long long n, const std::string& noun, const std::string& lang) {
  // Thousands grouped as each language writes them: 1.234 in Dutch, 1,234 in English.
  const std::string digits = std::to_string(n < 0 ? -n : n);
  std::string grouped;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0)
      grouped += lang == "en" ? ',' : '.';
    grouped += digits[i];
  }
  const auto& forms = ui_texts(lang).at("counts").at(noun);
  return (n < 0 ? "-" : "") + grouped + " " + forms.at(n == 1 ? "one" : "other").get<std::string>();
}

std::string fill(std::string text, const std::vector<std::pair<std::string, std::string>>& values) {
  for (const auto& [name, value] : values) {
    const std::string key = "{" + name + "}";
    // Past the inserted value: a value holding "{name}" itself is not filled again.
    for (auto at = text.find(key); at != std::string::npos; at = text.find(key, at + value.size()))
      text.replace(at, key.size(), value);
  }
  return text;
}

}  // namespace vakkaart::server::web

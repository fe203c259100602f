#include "server/request_lang.h"

#include <algorithm>

#include "model/labels.h"
#include "server/request_auth.h"
#include "text/accept_language.h"

namespace vakkaart::server {

namespace {

// Dutch, then the languages a label may be in: the languages a reader may read pages in.
const std::vector<std::string>& reader_languages() {
  static const std::vector<std::string> all = [] {
    std::vector<std::string> out = {"nl"};
    const auto& labels = model::label_languages();
    out.insert(out.end(), labels.begin(), labels.end());
    return out;
  }();
  return all;
}

// A language a request or cookie names, if pages can be read in it; "" otherwise.
std::string known(const std::string& asked) {
  const auto& all = reader_languages();
  return std::find(all.begin(), all.end(), asked) != all.end() ? asked : "";
}

// Every Accept-Language header as one list (a client may split it over several), no longer
// than the parser reads.
std::string accept_language(const httplib::Request& req) {
  std::string out;
  const std::size_t n = req.get_header_value_count("Accept-Language");
  for (std::size_t i = 0; i < n && out.size() <= text::kAcceptLanguageLimit; ++i)
    out += (out.empty() ? "" : ",") + req.get_header_value("Accept-Language", i);
  return out;
}

}  // namespace

std::string reader_lang(const httplib::Request& req) {
  if (req.has_param("lang")) {
    const std::string asked = known(req.get_param_value("lang"));
    return asked.empty() ? "nl" : asked;
  }
  if (std::string kept = known(cookie_value(req, kLangCookie)); !kept.empty())
    return kept;
  const std::string preferred = text::preferred_language(accept_language(req), reader_languages());
  return preferred.empty() ? "nl" : preferred;
}

bool lang_from_headers(const httplib::Request& req) {
  return !req.has_param("lang");
}

void remember_lang(const httplib::Request& req, httplib::Response& res) {
  if (!req.has_param("lang"))
    return;
  const std::string lang = reader_lang(req);
  if (cookie_value(req, kLangCookie) == lang)
    return;
  res.set_header("Set-Cookie", std::string(kLangCookie) + "=" + lang +
                                   "; Path=/; SameSite=Lax; Max-Age=31536000");
}

void vary_on_lang(const httplib::Request& req, httplib::Response& res) {
  if (!lang_from_headers(req))
    return;
  std::string vary = "Accept-Language, Cookie";
  if (auto it = res.headers.find("Vary"); it != res.headers.end()) {
    vary = it->second + ", " + vary;
    res.headers.erase(it);
  }
  res.set_header("Vary", vary);
}

}  // namespace vakkaart::server

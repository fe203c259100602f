#include "server/request_lang.h"

#include "server/request_auth.h"
#include "server/web/ui_texts.h"

namespace vakkaart::server {

std::string request_lang(const httplib::Request& req) {
  if (req.has_param("lang"))
    return web::supported_lang(req.get_param_value("lang"));
  return web::supported_lang(cookie_value(req, kLangCookie));
}

std::string remembered_lang_only(const httplib::Request& req) {
  if (req.has_param("lang"))
    return "";
  const std::string kept = cookie_value(req, kLangCookie);
  return kept.empty() ? "" : web::supported_lang(kept);
}

void remember_lang(const httplib::Request& req, httplib::Response& res) {
  if (!req.has_param("lang"))
    return;
  const std::string lang = web::supported_lang(req.get_param_value("lang"));
  if (cookie_value(req, kLangCookie) == lang)
    return;
  res.set_header("Set-Cookie", std::string(kLangCookie) + "=" + lang +
                                   "; Path=/; SameSite=Lax; Max-Age=31536000");
}

}  // namespace vakkaart::server

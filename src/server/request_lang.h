#pragma once

#include <httplib.h>

#include <string>

namespace vakkaart::server {

/// The cookie that keeps a visitor's language choice between pages and visits.
inline constexpr const char* kLangCookie = "vakkaart_lang";

/// The language of a page: `?lang=` when the request names one, else the language the visitor
/// chose before (the cookie), else Dutch.
std::string request_lang(const httplib::Request& req);

/// The cookie's language when the request names none itself, for keys of cached pages ("" when
/// the page's language follows from its URL alone).
std::string remembered_lang_only(const httplib::Request& req);

/// When the request chose a language by `?lang=` that the cookie does not hold yet, keeps it in
/// the cookie (a year, SameSite=Lax; not HttpOnly-sensitive: it holds no secret).
void remember_lang(const httplib::Request& req, httplib::Response& res);

}  // namespace vakkaart::server

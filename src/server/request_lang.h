#pragma once

#include <httplib.h>

#include <string>

namespace vakkaart::server {

/// The cookie that keeps a visitor's language choice between pages and visits.
inline constexpr const char* kLangCookie = "vakkaart_lang";

/// A page has two languages (issue 18), kept apart so each can fall back on its own:
/// - the reader's language, "nl", "en" or "fr": the one framework labels are shown in where a
///   label exists (model::shown_text), Dutch otherwise;
/// - the interface's language, "nl" or "en" (web::supported_lang of the reader's): the words of
///   the page itself. There are no French interface texts, so a French reader gets Dutch ones,
///   and the page says so: <html lang="nl">, lang="fr" only on the elements holding a French
///   label.
///
/// The reader's language: `?lang=` when the request names one (an unknown one is Dutch), else
/// the language the visitor chose before (the cookie), else the best the browser's
/// Accept-Language accepts (text::preferred_language), else Dutch.
std::string reader_lang(const httplib::Request& req);

/// Whether a page's language follows from the request's headers (the cookie, Accept-Language)
/// rather than its URL: then its cache key holds that language, and the response says
/// `Vary: Accept-Language, Cookie` so no shared cache serves it to another visitor.
bool lang_from_headers(const httplib::Request& req);

/// When the request chose a language by `?lang=` that the cookie does not hold yet, keeps it in
/// the cookie (a year, SameSite=Lax; not HttpOnly-sensitive: it holds no secret).
void remember_lang(const httplib::Request& req, httplib::Response& res);

/// Adds `Vary: Accept-Language, Cookie` to a page whose language follows from those headers,
/// merged into a Vary the response already has (one header: the response cache keeps one).
void vary_on_lang(const httplib::Request& req, httplib::Response& res);

}  // namespace vakkaart::server

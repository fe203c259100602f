#include "server/views/page.h"

#include "server/request_lang.h"
#include "server/web/templates.h"
#include "server/web/ui_texts.h"
#include "server/web/url_path.h"
#include "server/web/web_files.h"

namespace vakkaart::server {

namespace {

using vakkaart::Json;

// The parts every page shares: language, texts, navigation, the link to the other language.
// `lang` is the interface's language (the page's lang attribute), `label_lang` the reader's
// (the composer's script shows framework labels in it): server/request_lang.h.
Json common_view(const httplib::Request& req, const std::string& lang,
                 const std::string& label_lang, const std::string& title) {
  const std::string other = lang == "en" ? "nl" : "en";
  auto params = params_without_lang(req);
  auto with_lang = [](httplib::Params p, const std::string& l) {
    p.emplace("lang", l);
    return p;
  };
  return {{"lang", lang},
          {"label_lang", label_lang},
          {"en", lang == "en"},
          {"t", web::ui_texts(lang)},
          {"page_title", title},
          {"css_url", web::asset_url("css/app.css")},
          {"print_css_url", web::asset_url("css/print.css")},
          {"js_url", web::asset_url("js/app.js")},
          {"favicon_url", web::asset_url("favicon.svg")},
          {"home_url", page_url("/", {}, lang)},
          {"search_url", page_url("/search", {}, lang)},
          {"compare_url", page_url("/compare", {}, lang)},
          // Named even for Dutch, the default: the link must override a remembered English.
          {"lang_switch_url",
           httplib::append_query_params(web::path_in_link(req.path), with_lang(params, other))},
          {"lang_switch_hreflang", other}};
}

void send_html(httplib::Response& res, int status, const std::string& html) {
  res.status = status;
  res.set_content(html, "text/html; charset=utf-8");
}

}  // namespace

std::string page_url(const std::string& path, const httplib::Params& params,
                     const std::string& lang) {
  httplib::Params all = params;
  if (lang == "en")
    all.emplace("lang", "en");
  return all.empty() ? path : httplib::append_query_params(path, all);
}

httplib::Params params_without_lang(const httplib::Request& req) {
  httplib::Params out;
  for (const auto& [k, v] : req.params)
    if (k != "lang")
      out.emplace(k, v);
  return out;
}

void send_page(Context& ctx, Page page) {
  Json view = common_view(ctx.req, ctx.lang, ctx.label_lang, page.title);
  // Who is signed in, for the header; the CSRF token for every form and script of the page.
  if (ctx.caller.signed_in()) {
    view["signed_in"] = true;
    view["user_name"] = ctx.caller.user->display_name;
    view["user_email"] = ctx.caller.user->email;
    view["org_name"] = ctx.caller.org_name;
    view["org_slug"] = ctx.caller.org_slug;
    if (ctx.caller.via == auth::Identity::Via::session)
      view["csrf_token"] = ctx.caller.csrf_token;
    // Crosswalk decision buttons only for whom a decision is allowed (a curator); the status
    // shows to everyone.
    view["can_decide"] =
        !ctx.caller.read_only && (ctx.caller.site_admin() || ctx.caller.holds(auth::Role::curator));
  }
  for (auto& [k, v] : page.view.items())
    view[k] = std::move(v);
  send_html(ctx.res, page.status, web::render_template(page.template_name, view));
  // The interface's language: a French reader's page is Dutch but for the labels it shows.
  ctx.res.set_header("Content-Language", ctx.lang);
  vary_on_lang(ctx.req, ctx.res);
}

void send_error_page(const httplib::Request& req, httplib::Response& res, int status,
                     const std::string& detail) {
  const std::string reader = reader_lang(req);
  const std::string lang = web::supported_lang(reader);
  const Json& t = web::ui_texts(lang);
  const std::string title =
      (status == 404 ? t["not_found_title"] : t["error_title"]).get<std::string>();
  Json view = common_view(req, lang, reader, title);
  view["status"] = status;
  // A sentence in the reader's language first; the library's message (English, naming the
  // id or field) stays below it for whoever reports the problem.
  view["explained"] = (status == 404                   ? t["error_explained_404"]
                       : status >= 400 && status < 500 ? t["error_explained_4xx"]
                                                       : t["error_explained_other"])
                          .get<std::string>();
  view["detail"] = detail;
  send_html(res, status, web::render_template("error", view));
  vary_on_lang(req, res);
}

}  // namespace vakkaart::server

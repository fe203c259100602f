#include "server/routes/page_routes.h"
#include "server/web/web_files.h"

namespace vakkaart::server {

void register_static_files(httplib::Server& http) {
  http.Get(R"(/static/(.+))", [](const httplib::Request& req, httplib::Response& res) {
    const std::string path = "static/" + std::string(req.matches[1]);
    const web::EmbeddedFile* f = web::find_web_file(path);
    if (!f) {
      res.status = 404;
      res.set_content("not found: /" + path + "\n", "text/plain; charset=utf-8");
      return;
    }
    // A URL carrying the current hash never changes content: cache it for good. Others (an old
    // hash or none) must be checked again, or a browser would keep an outdated script.
    const bool hashed = req.get_param_value("v") == f->hash;
    res.set_header("Cache-Control", hashed ? "public, max-age=31536000, immutable" : "no-cache");
    res.set_header("ETag", std::string("\"") + f->hash + "\"");
    if (req.get_header_value("If-None-Match") == std::string("\"") + f->hash + "\"") {
      res.status = 304;
      return;
    }
    res.set_content(f->content, web::content_type_of(path));
  });
}

}  // namespace vakkaart::server

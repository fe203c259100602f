// The embedded CSS and JavaScript under /static/. No store; the handler sets its own caching
// headers (immutable for a URL with the current hash, revalidated otherwise).
#include "core/error.h"
#include "server/routes/routes.h"
#include "server/web/web_files.h"

namespace vakkaart::server {

namespace {

void send_static_file(Context& c) {
  const std::string path = "static/" + c.capture(1);
  const web::EmbeddedFile* f = web::find_web_file(path);
  // The site's own 404 (a page in the reader's language), as for any other missing URL. The
  // path is not repeated: it is whatever the client sent, control characters included.
  if (!f)
    throw Error(ErrorCode::not_found, "no such file under /static/");
  // A URL carrying the current hash never changes content: cache it for good. Others (an old
  // hash or none) must be checked again, or a browser would keep an outdated script.
  const bool hashed = c.req.get_param_value("v") == f->hash;
  c.res.set_header("Cache-Control", hashed ? "public, max-age=31536000, immutable" : "no-cache");
  c.res.set_header("ETag", std::string("\"") + f->hash + "\"");
  if (c.req.get_header_value("If-None-Match") == std::string("\"") + f->hash + "\"") {
    c.res.status = 304;
    return;
  }
  c.res.set_content(f->content, web::content_type_of(path));
}

}  // namespace

void add_static_files(RouteTable& table) {
  table.route({.method = Method::get,
               .pattern = R"(/static/(.+))",
               .effect = Effect::none,
               .cache = Cache::own_headers,
               .access = Access::public_read,
               .kind = Kind::page},
              send_static_file);
}

}  // namespace vakkaart::server

#include "server/response_cache.h"

#include "server/pipeline.h"
#include "server/request_lang.h"
#include "server/site_config.h"
#include "server/transport/rdf_accept.h"

namespace vakkaart::server {

namespace {

// What a request's lookup() found out, for the store() of the same request on this thread.
struct NotedRequest {
  std::string target;
  std::string generation;
  std::optional<std::string> key;  // empty: not to be kept
};

thread_local NotedRequest noted;

// The list node, the index entry and the strings' own blocks, roughly: so that a flood of
// tiny responses cannot hold far more memory than the byte bound says.
constexpr std::size_t kSlotOverhead = 160;

// A page's key names the reader's language when its URL does not (the cookie's, else the one
// Accept-Language prefers): the same URL is a Dutch page for one visitor and an English or
// French one for another. The API answers the same in every language, so its keys do not.
std::optional<transport::CacheKeys::Key> key_of(const transport::CacheKeys& keys,
                                                const httplib::Request& req) {
  auto key = keys.key(req.path, req.params);
  if (key) {
    if (lang_from_headers(req) && kind_of_unrouted(req) == Kind::page)
      key->text += "#lang=" + reader_lang(req);  // '#' is percent-encoded everywhere else
    // Which representation the Accept header negotiates (only the URLs of frameworks,
    // profiles and qualifications answer differently; elsewhere it costs a second entry).
    key->text += transport::rdf_form_key(transport::rdf_form_for(req.get_header_value("Accept")));
  }
  return key;
}

}  // namespace

bool carries_credentials(const httplib::Request& req) {
  if (req.has_header("Authorization"))
    return true;
  const std::string name = std::string(kSessionCookie) + "=";
  for (std::size_t i = 0; i < req.get_header_value_count("Cookie"); ++i) {
    const std::string cookies = req.get_header_value("Cookie", i);
    for (std::size_t at = 0; at < cookies.size();) {
      while (at < cookies.size() && (cookies[at] == ' ' || cookies[at] == ';'))
        ++at;
      if (cookies.compare(at, name.size(), name) == 0)
        return true;
      at = cookies.find(';', at);
    }
  }
  return false;
}

ResponseCache::ResponseCache(store::ChangeFeed& changes, std::size_t max_bytes,
                             const std::vector<RouteSpec>& routes)
    : changes_(changes), max_bytes_(max_bytes), keys_(routes) {}

std::shared_ptr<const ResponseCache::Entry> ResponseCache::lookup(const httplib::Request& req) {
  noted = {req.target, changes_.generation(), std::nullopt};
  if (req.method != "GET" || carries_credentials(req))
    return nullptr;
  auto key = key_of(keys_, req);
  if (!key)
    return nullptr;
  std::lock_guard lock(mutex_);
  if (noted.generation != generation_) {
    drop_older_generations(noted.generation);
    generation_ = noted.generation;
  }
  if (key->exact)
    noted.key = key->text;
  auto it = index_.find(key->text);
  if (it == index_.end())
    return nullptr;
  order_.splice(order_.begin(), order_, it->second);
  return it->second->entry;
}

void ResponseCache::store(const httplib::Request& req, const httplib::Response& res) {
  if (req.method != "GET" || res.status != 200 || res.has_header("Set-Cookie") ||
      carries_credentials(req) || noted.target != req.target)
    return;
  auto key = key_of(keys_, req);
  if (!key || !key->exact)
    return;
  keep(key->text, noted.generation,
       {res.get_header_value("Content-Type"), res.get_header_value("Content-Language"), res.body,
        res.get_header_value("Vary")});
}

void ResponseCache::store(const std::string& target, Entry entry) {
  if (noted.target != target || !noted.key)
    return;
  keep(*noted.key, noted.generation, std::move(entry));
}

void ResponseCache::keep(const std::string& key, const std::string& generation, Entry entry) {
  const std::size_t bytes = 2 * key.size() + entry.body.size() + entry.content_type.size() +
                            entry.content_language.size() + entry.vary.size() + generation.size() +
                            kSlotOverhead;
  // One response may not push out most of the others.
  if (bytes > max_bytes_ / 4)
    return;
  std::lock_guard lock(mutex_);
  if (generation != generation_)
    return;  // a newer generation has been seen since this response was looked up
  if (auto it = index_.find(key); it != index_.end()) {
    bytes_ -= it->second->bytes;
    order_.erase(it->second);
    index_.erase(it);
  }
  order_.push_front({key, generation, std::make_shared<const Entry>(std::move(entry)), bytes});
  index_[key] = order_.begin();
  bytes_ += bytes;
  while (bytes_ > max_bytes_ && !order_.empty()) {
    bytes_ -= order_.back().bytes;
    index_.erase(order_.back().key);
    order_.pop_back();
  }
}

void ResponseCache::drop_older_generations(const std::string& generation) {
  for (auto it = order_.begin(); it != order_.end();) {
    if (it->generation == generation) {
      ++it;
      continue;
    }
    bytes_ -= it->bytes;
    index_.erase(it->key);
    it = order_.erase(it);
  }
}

std::size_t ResponseCache::bytes() const {
  std::lock_guard lock(mutex_);
  return bytes_;
}

std::size_t ResponseCache::size() const {
  std::lock_guard lock(mutex_);
  return index_.size();
}

}  // namespace vakkaart::server

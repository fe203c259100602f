#include "search/index_writer.h"

#include <signal.h>
#include <unistd.h>
#include <xapian.h>

#include <algorithm>
#include <atomic>
#include <cerrno>

#include <condition_variable>
#include <cstdlib>
#include <deque>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "core/error.h"
#include "search/document_data.h"
#include "search/length_norm.h"

namespace vakkaart::search {
namespace fs = std::filesystem;

namespace {

/// Main stems weigh more than the parts of a compound and the context terms.
constexpr Xapian::termcount kStemWdf = 2;
constexpr Xapian::termcount kPartWdf = 1;
constexpr std::size_t kMaxTermBytes = kMaxIndexedTermBytes;
constexpr std::size_t kQueueLimit = 2048;  // statements waiting per shard

/// Context terms per title: many statements share the titles above them (a cluster, a main
/// activity), so each shard analyses a title once. Bounded, as titles come from the store.
using ContextTermCache = std::unordered_map<std::string, std::vector<std::string>>;
constexpr std::size_t kContextCacheLimit = 50000;

const std::vector<std::string>& context_terms_of(const text::Analyzer& analyzer,
                                                 const std::string& title,
                                                 ContextTermCache& cache) {
  if (const auto found = cache.find(title); found != cache.end())
    return found->second;
  if (cache.size() >= kContextCacheLimit)
    cache.clear();
  std::vector<std::string> terms;
  for (const auto& word : analyzer.analyze(title, text::SeparatedVerbs::join)) {
    if (word.stopword)
      continue;
    for (const auto& stem : word.stems) {
      if (stem.size() <= kMaxTermBytes)
        terms.push_back(kContextPrefix + stem);
    }
  }
  return cache.emplace(title, std::move(terms)).first->second;
}

/// A term of a statement before BM25's length normalisation: its raw wdf, and its position
/// when it has one (0: none).
struct RawTerm {
  std::string term;
  Xapian::termcount wdf;
  Xapian::termpos position;
};

Xapian::Document make_document(const text::Analyzer& analyzer, const IndexedStatement& statement,
                               std::unordered_set<std::string>& spelling,
                               ContextTermCache& context_cache) {
  const auto fits = [](const std::string& term) { return term.size() <= kMaxTermBytes; };
  std::vector<RawTerm> terms;
  Xapian::termpos position = 0;
  // The statement, then each translation after a gap (a phrase never spans two of them).
  std::vector<const std::string*> texts = {&statement.text};
  for (const auto& label : statement.labels)
    texts.push_back(&label);
  for (const std::string* text : texts) {
    if (text != texts.front())
      position += 100;
    for (const auto& word : analyzer.analyze(*text, text::SeparatedVerbs::join)) {
      ++position;
      if (fits(word.forms[0]))
        terms.push_back({kWordPrefix + word.forms[0], 1, 0});  // as written: prefix* queries
      if (word.stopword)
        continue;
      if (word.forms[0].size() >= 3 && fits(word.forms[0]))
        spelling.insert(word.forms[0]);
      for (const auto& stem : word.stems) {
        if (fits(stem))
          terms.push_back({stem, kStemWdf, position});
      }
      for (const auto& part : word.part_stems) {
        if (fits(part))
          terms.push_back({part, kPartWdf, 0});
      }
    }
  }
  for (const auto& title : statement.context) {
    for (const auto& term : context_terms_of(analyzer, title, context_cache))
      terms.push_back({term, 1, 0});
  }
  // Every wdf divided by the statement's normalised length, its raw wdfs' sum as Xapian would
  // count it (see length_norm.h).
  double raw_length = 0;
  for (const auto& t : terms)
    raw_length += t.wdf;
  const double factor = wdf_factor(raw_length);
  Xapian::Document doc;
  for (const auto& t : terms) {
    if (t.position != 0)
      doc.add_posting(t.term, t.position, scaled_wdf(t.wdf, factor));
    else
      doc.add_term(t.term, scaled_wdf(t.wdf, factor));
  }
  for (const auto& term : statement.filter_terms)
    doc.add_boolean_term(term);
  doc.add_value(kDocumentDataSlot, encode_document_data(statement));
  doc.add_value(kStoreOrderSlot, Xapian::sortable_serialise(static_cast<double>(statement.id)));
  return doc;
}

/// Set by request_index_stop(); lock-free, so a signal handler may set it.
std::atomic<bool> g_index_stop{false};
static_assert(std::atomic<bool>::is_always_lock_free);

/// The process id of an abandoned-folder name "<index>.new-<pid>", or 0 if it is not one.
pid_t index_dir_owner(const std::string& name, const std::string& index_name) {
  for (const char* tag : {".new-", ".old-"}) {
    const std::string head = index_name + tag;
    if (name.size() <= head.size() || name.compare(0, head.size(), head) != 0)
      continue;
    const std::string digits = name.substr(head.size());
    if (digits.size() > 9 || digits.find_first_not_of("0123456789") != std::string::npos)
      return 0;
    return static_cast<pid_t>(std::stol(digits));
  }
  return 0;
}

/// Removes a folder when it goes out of scope unless released: a failed or interrupted
/// rebuild leaves nothing behind.
class IndexDirGuard {
 public:
  explicit IndexDirGuard(fs::path dir) : dir_(std::move(dir)) {}
  ~IndexDirGuard() {
    if (!dir_.empty()) {
      std::error_code ec;
      fs::remove_all(dir_, ec);
    }
  }
  IndexDirGuard(const IndexDirGuard&) = delete;
  IndexDirGuard& operator=(const IndexDirGuard&) = delete;
  void release() { dir_.clear(); }

 private:
  fs::path dir_;
};

void throw_if_index_stop(const std::string& dir) {
  if (g_index_stop.load(std::memory_order_relaxed))
    throw Error(ErrorCode::io_error, "the search index rebuild was stopped", {dir, 0, ""});
}

}  // namespace

void request_index_stop() {
  g_index_stop.store(true, std::memory_order_relaxed);
}

void remove_abandoned_index_dirs(const std::string& dir) {
  const fs::path target(dir);
  const fs::path parent = target.has_parent_path() ? target.parent_path() : fs::path(".");
  const std::string index_name = target.filename().string();
  std::error_code ec;
  std::vector<fs::path> abandoned;
  for (fs::directory_iterator it(parent, ec), end; !ec && it != end; it.increment(ec)) {
    const pid_t owner = index_dir_owner(it->path().filename().string(), index_name);
    // kill(pid, 0) fails with ESRCH only when no such process exists.
    if (owner > 0 && owner != getpid() && kill(owner, 0) != 0 && errno == ESRCH)
      abandoned.push_back(it->path());
  }
  for (const auto& path : abandoned)
    fs::remove_all(path, ec);
}

/// One Xapian database fed by its own thread through a bounded queue.
struct IndexWriter::Shard {
  Xapian::WritableDatabase db;
  std::mutex mutex;
  std::condition_variable changed;
  std::deque<IndexedStatement> queue;
  bool closing = false;
  std::unordered_set<std::string> spelling;  // words to suggest from, added at the end
  ContextTermCache context_cache;
  std::string error;
  std::thread worker;

  void run(const text::Analyzer& analyzer) {
    while (true) {
      IndexedStatement statement;
      {
        std::unique_lock lock(mutex);
        changed.wait(lock, [&] { return closing || !queue.empty(); });
        if (queue.empty())
          return;
        statement = std::move(queue.front());
        queue.pop_front();
      }
      changed.notify_all();
      try {
        db.add_document(make_document(analyzer, statement, spelling, context_cache));
      } catch (const Xapian::Error& e) {
        std::lock_guard lock(mutex);
        error = e.get_description();
        queue.clear();
        return;
      }
    }
  }
};

IndexWriter::IndexWriter(const std::string& dir, std::shared_ptr<const text::Analyzer> analyzer,
                         unsigned shards)
    : analyzer_(std::move(analyzer)), dir_(dir) {
  if (shards == 0) {
    // $VAKKAART_INDEX_SHARDS overrides (benchmarks compare build speed against query speed).
    const char* env = std::getenv("VAKKAART_INDEX_SHARDS");
    shards = env != nullptr ? static_cast<unsigned>(std::atoi(env))
                            : std::clamp(std::thread::hardware_concurrency(), 1U, 4U);
    shards = std::clamp(shards, 1U, 16U);
  }
  std::error_code ec;
  fs::create_directories(dir, ec);
  std::ofstream stub(fs::path(dir) / "XAPIANDB");
  for (unsigned i = 0; i < shards; ++i) {
    const std::string name = "shard" + std::to_string(i);
    stub << "auto " << name << "\n";
    auto shard = std::make_unique<Shard>();
    try {
      // A fresh directory nobody reads yet: no need for Xapian's crash-safe update path. No
      // termlist table either: the index is always rebuilt whole (no replace or delete), and
      // search never reads a document's terms (highlights come from the query's own terms), so
      // writing and compressing every document's term list again was build time for nothing.
      shard->db = Xapian::WritableDatabase((fs::path(dir) / name).string(),
                                           Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_DANGEROUS |
                                               Xapian::DB_NO_SYNC | Xapian::DB_NO_TERMLIST);
    } catch (const Xapian::Error& e) {
      throw Error(ErrorCode::io_error, "cannot create the search index: " + e.get_description(),
                  {dir, 0, ""});
    }
    shards_.push_back(std::move(shard));
  }
  if (!stub)
    throw Error(ErrorCode::io_error, "cannot write the search index stub", {dir, 0, ""});
  for (auto& shard : shards_) {
    Shard* s = shard.get();
    s->worker = std::thread([s, a = analyzer_.get()] { s->run(*a); });
  }
}

IndexWriter::~IndexWriter() {
  for (auto& shard : shards_) {
    {
      std::lock_guard lock(shard->mutex);
      shard->closing = true;
      if (!finished_)
        shard->queue.clear();  // abandoned (an error, a stop): no point indexing the rest
    }
    shard->changed.notify_all();
    if (shard->worker.joinable())
      shard->worker.join();
  }
}

void IndexWriter::add(IndexedStatement statement) {
  Shard& shard = *shards_[next_++ % shards_.size()];
  std::unique_lock lock(shard.mutex);
  shard.changed.wait(lock,
                     [&] { return shard.queue.size() < kQueueLimit || !shard.error.empty(); });
  if (!shard.error.empty())
    throw Error(ErrorCode::io_error, "cannot write the search index: " + shard.error);
  shard.queue.push_back(std::move(statement));
  lock.unlock();
  shard.changed.notify_all();
}

void IndexWriter::finish(const std::string& content_version) {
  for (auto& shard : shards_) {
    {
      std::lock_guard lock(shard->mutex);
      shard->closing = true;
    }
    shard->changed.notify_all();
    shard->worker.join();
    if (!shard->error.empty())
      throw Error(ErrorCode::io_error, "cannot write the search index: " + shard->error);
  }
  // Spelling data and metadata live in the first shard; Xapian reads them through the stub.
  Shard& first = *shards_[0];
  std::unordered_set<std::string> words;
  for (auto& shard : shards_)
    words.merge(shard->spelling);
  for (const auto& word : words)
    first.db.add_spelling(word);
  first.db.set_metadata("format", kIndexFormat);
  first.db.set_metadata("content_version", content_version);
  std::vector<std::thread> committers;
  for (auto& shard : shards_) {
    committers.emplace_back([s = shard.get()] {
      try {
        s->db.commit();
        s->db.close();
      } catch (const Xapian::Error& e) {
        s->error = e.get_description();
      }
    });
  }
  for (auto& t : committers)
    t.join();
  for (auto& shard : shards_) {
    if (!shard->error.empty())
      throw Error(ErrorCode::io_error, "cannot commit the search index: " + shard->error);
  }
  if (shards_.size() > 1)
    merge_shards();
  finished_ = true;
}

void IndexWriter::merge_shards() {
  // Shards built in parallel, merged once: a single compacted database answers queries faster
  // (about 14% at p50 on 300k statements, bench/run_search_bench.sh) and is smaller on disk, for
  // about 6% more build time.
  const fs::path root(dir_);
  try {
    Xapian::Database all((root / "XAPIANDB").string());
    all.compact((root / "merged").string());
    all.close();
  } catch (const Xapian::Error& e) {
    throw Error(ErrorCode::io_error, "cannot merge the search index: " + e.get_description(),
                {dir_, 0, ""});
  }
  std::ofstream((root / "XAPIANDB").string(), std::ios::trunc) << "auto merged\n";
  std::error_code ec;
  for (std::size_t i = 0; i < shards_.size(); ++i)
    fs::remove_all(root / ("shard" + std::to_string(i)), ec);
}

void rebuild_index(store::Store& store, const std::string& dir, const IndexProgress& progress) {
  const std::string version = store.content_version();
  auto statements = group_occurrences(store.statement_occurrences());
  std::vector<std::string> texts;
  texts.reserve(statements.size());
  for (const auto& s : statements) {
    texts.push_back(s.text);
    texts.insert(texts.end(), s.labels.begin(), s.labels.end());
  }
  const auto analyzer = analyzer_for_corpus(texts);

  remove_abandoned_index_dirs(dir);
  throw_if_index_stop(dir);
  const fs::path target(dir);
  const fs::path fresh = target.string() + ".new-" + std::to_string(getpid());
  const fs::path old = target.string() + ".old-" + std::to_string(getpid());
  std::error_code ec;
  fs::remove_all(fresh, ec);
  IndexDirGuard fresh_guard(fresh);
  {
    IndexWriter writer(fresh.string(), analyzer);
    const std::size_t total = statements.size();
    for (std::size_t i = 0; i < total; ++i) {
      throw_if_index_stop(dir);
      writer.add(std::move(statements[i]));
      if (progress && (i % 1000 == 0 || i + 1 == total))
        progress(i + 1, total);
    }
    throw_if_index_stop(dir);
    writer.finish(version);
  }
  // Swap in the complete index; a reader that still has the old one open keeps reading it.
  if (fs::exists(target))
    fs::rename(target, old, ec);
  fs::rename(fresh, target, ec);
  if (!ec)
    fresh_guard.release();
  if (ec) {
    throw Error(ErrorCode::io_error, "cannot put the new search index in place: " + ec.message(),
                {dir, 0, ""});
  }
  fs::remove_all(old, ec);
}

}  // namespace vakkaart::search

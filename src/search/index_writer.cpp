#include "search/index_writer.h"

#include <unistd.h>
#include <xapian.h>

#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "core/error.h"

namespace vakkaart::search {
namespace fs = std::filesystem;

namespace {

/// Main stems weigh more than the parts of a compound and derived forms.
constexpr Xapian::termcount kStemWdf = 2;
constexpr Xapian::termcount kPartWdf = 1;
constexpr std::size_t kMaxTermBytes = 200;  // Xapian's limit is 245

std::string document_data(const IndexedStatement& s) {
  std::string data = "{\"id\":" + std::to_string(s.id) +
                     ",\"text\":" + nlohmann::json(s.text).dump() + ",\"places\":[";
  for (std::size_t i = 0; i < s.places.size(); ++i) {
    if (i > 0)
      data += ',';
    data += place_to_json(s.places[i]);
  }
  return data + "]}";
}

}  // namespace

IndexWriter::IndexWriter(const std::string& dir, std::shared_ptr<const text::Analyzer> analyzer)
    : analyzer_(std::move(analyzer)) {
  // Xapian flushes every 10,000 documents by default; bigger batches build much faster.
  setenv("XAPIAN_FLUSH_THRESHOLD", "200000", 0);
  try {
    db_ = std::make_unique<Xapian::WritableDatabase>(dir, Xapian::DB_CREATE_OR_OVERWRITE);
  } catch (const Xapian::Error& e) {
    throw Error(ErrorCode::io_error, "cannot create the search index: " + e.get_description(),
                {dir, 0, ""});
  }
}

IndexWriter::~IndexWriter() = default;

void IndexWriter::add(const IndexedStatement& statement) {
  Xapian::Document doc;
  Xapian::termpos position = 0;
  for (const auto& word : analyzer_->analyze(statement.text)) {
    ++position;
    if (word.forms[0].size() <= kMaxTermBytes) {
      doc.add_term("W" + word.forms[0]);  // the word itself: wildcards and spelling
      if (!word.stopword && word.forms[0].size() >= 3 && spelled_.insert(word.forms[0]).second) {
        db_->add_spelling(word.forms[0]);
      }
    }
    if (word.stopword)
      continue;
    for (std::size_t i = 0; i < word.stems.size(); ++i) {
      if (word.stems[i].size() > kMaxTermBytes)
        continue;
      if (i == 0) {
        doc.add_posting(word.stems[i], position, kStemWdf);
      } else {
        doc.add_term(word.stems[i], kStemWdf);
      }
    }
    for (const auto& part : word.part_stems) {
      if (part.size() <= kMaxTermBytes)
        doc.add_term(part, kPartWdf);
    }
  }
  for (const auto& title : statement.context) {
    for (const auto& word : analyzer_->analyze(title)) {
      if (word.stopword)
        continue;
      for (const auto& stem : word.stems) {
        if (stem.size() <= kMaxTermBytes)
          doc.add_term(kContextPrefix + stem, 1);
      }
    }
  }
  for (const auto& term : statement.filter_terms)
    doc.add_boolean_term(term);
  doc.set_data(document_data(statement));
  db_->replace_document(static_cast<Xapian::docid>(statement.id), doc);
}

void IndexWriter::finish(const std::string& content_version) {
  db_->set_metadata("format", kIndexFormat);
  db_->set_metadata("content_version", content_version);
  db_->commit();
  db_->close();
}

std::shared_ptr<const text::Analyzer> analyzer_for_corpus(const std::vector<std::string>& texts) {
  const auto standard = text::Analyzer::standard();
  auto analyzer = std::make_shared<text::Analyzer>(*standard);
  for (const auto& t : texts)
    analyzer->add_vocabulary(t);
  return analyzer;
}

void rebuild_index(store::Store& store, const std::string& dir, const IndexProgress& progress) {
  const std::string version = store.content_version();
  const auto statements = group_occurrences(store.statement_occurrences());
  std::vector<std::string> texts;
  texts.reserve(statements.size());
  for (const auto& s : statements)
    texts.push_back(s.text);
  const auto analyzer = analyzer_for_corpus(texts);

  const fs::path target(dir);
  const fs::path fresh = target.string() + ".new-" + std::to_string(getpid());
  const fs::path old = target.string() + ".old-" + std::to_string(getpid());
  std::error_code ec;
  fs::remove_all(fresh, ec);
  {
    IndexWriter writer(fresh.string(), analyzer);
    for (std::size_t i = 0; i < statements.size(); ++i) {
      writer.add(statements[i]);
      if (progress && (i % 1000 == 0 || i + 1 == statements.size())) {
        progress(i + 1, statements.size());
      }
    }
    writer.finish(version);
  }
  // Swap in the complete index; a reader that still has the old one open keeps reading it.
  if (fs::exists(target))
    fs::rename(target, old, ec);
  fs::rename(fresh, target, ec);
  if (ec) {
    throw Error(ErrorCode::io_error, "cannot put the new search index in place: " + ec.message(),
                {dir, 0, ""});
  }
  fs::remove_all(old, ec);
}

}  // namespace vakkaart::search

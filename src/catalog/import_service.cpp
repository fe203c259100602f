#include "catalog/import_service.h"

#include <variant>

#include "core/error.h"
#include "formats/source_file.h"
#include "formats/typo_lint.h"

namespace vakkaart::catalog {

namespace {

/// Frameworks rebuilt from loose profiles (canonical JSON) have no title of their own; keep the
/// stored one, or fall back to the id.
void complete_framework(store::Store& store, model::Framework& f) {
  if (!f.title.empty())
    return;
  if (auto stored = store.find_framework(f.id)) {
    f.title = stored->title;
    f.date = stored->date;
    for (auto& layer : f.layers)
      if (const auto* known = stored->find_layer(layer.id))
        layer.title = known->title;
  } else {
    f.title = f.id;
  }
}

}  // namespace

ImportReport import_files(store::Store& store, const std::vector<std::string>& paths,
                          std::optional<formats::Format> forced, const ImportProgress& progress) {
  if (paths.empty())
    throw Error(ErrorCode::invalid_argument, "no files to import");
  ImportReport report;
  std::vector<model::Document> documents;
  std::vector<size_t> owner;  // documents[i] came from report.files[owner[i]]
  for (size_t i = 0; i < paths.size(); ++i) {
    const auto& path = paths[i];
    FileImport file;
    file.path = path;
    formats::SourceText source = formats::read_source_file(path);
    file.notes = std::move(source.notes);
    file.format = forced ? *forced : formats::detect_format(source.text, path);
    formats::ParseResult parsed = formats::parse_document(source.text, file.format, path);
    file.notes.insert(file.notes.end(), parsed.notes.begin(), parsed.notes.end());
    std::vector<std::string> texts;
    for (const auto& doc : parsed.documents) {
      auto t = formats::statement_texts(doc);
      texts.insert(texts.end(), t.begin(), t.end());
    }
    auto lint = formats::lint_typos(texts, path);
    file.notes.insert(file.notes.end(), lint.begin(), lint.end());
    for (auto& doc : parsed.documents) {
      if (auto* f = std::get_if<model::Framework>(&doc))
        complete_framework(store, *f);
      documents.push_back(std::move(doc));
      owner.push_back(report.files.size());
    }
    report.files.push_back(std::move(file));
    if (progress)
      progress(i + 1, paths.size(), path);
  }
  std::vector<store::PutResult> results = store.put_documents(documents);
  for (size_t i = 0; i < results.size(); ++i)
    report.files[owner[i]].results.push_back(std::move(results[i]));
  return report;
}

}  // namespace vakkaart::catalog

#include "text/foreign_words.h"

#include <hunspell.hxx>

#include <filesystem>
#include <memory>
#include <mutex>

#include "core/error.h"

namespace vakkaart::text {
namespace {

// Longer input is no word of any language; hunspell's cost grows with the word's length.
constexpr std::size_t kMaxWordBytes = 64;

std::unique_ptr<Hunspell> open_dictionary(const std::string& name) {
  const std::string base = "/usr/share/hunspell/" + name;
  for (const char* ext : {".aff", ".dic"})
    if (!std::filesystem::exists(base + ext))
      throw Error(ErrorCode::internal, "the " + name + " dictionary is missing: " + base + ext +
                                           " (scripts/install-deps.sh installs it)");
  return std::make_unique<Hunspell>((base + ".aff").c_str(), (base + ".dic").c_str());
}

}  // namespace

struct ForeignWords::Impl {
  std::unique_ptr<Hunspell> dutch = open_dictionary("nl");
  std::unique_ptr<Hunspell> english = open_dictionary("en_US");
  std::unique_ptr<Hunspell> french = open_dictionary("fr");
  // Hunspell keeps per-call state in the object, so calls take turns.
  std::mutex mutex;
};

ForeignWords::ForeignWords() : impl_(new Impl) {}
ForeignWords::~ForeignWords() {
  delete impl_;
}

const ForeignWords& ForeignWords::shared() {
  static const ForeignWords instance;
  return instance;
}

std::optional<std::string> ForeignWords::language_of(std::string_view word) const {
  if (word.empty() || word.size() > kMaxWordBytes)
    return std::nullopt;
  const std::string w(word);
  std::lock_guard lock(impl_->mutex);
  if (impl_->dutch->spell(w))
    return std::nullopt;
  if (impl_->english->spell(w))
    return "en";
  if (impl_->french->spell(w))
    return "fr";
  return std::nullopt;
}

}  // namespace vakkaart::text

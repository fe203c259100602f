#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace vakkaart::text {

/// Tells a query word that is English or French, not Dutch, so that search can say "the data
/// is Dutch" instead of bending the word into a Dutch one ("with" -> "wint"). A word counts as
/// foreign when Debian's hunspell-nl rejects it and hunspell-en-us or hunspell-fr accepts it, so
/// loanwords the Dutch dictionary lists ("coaching", "team") stay Dutch. The dictionaries are read
/// once per process, on the first question (about a second of work, tens of MB). Thread-safe.
class ForeignWords {
 public:
  /// The shared instance over /usr/share/hunspell/{nl,en_US,fr}.{aff,dic}.
  static const ForeignWords& shared();

  /// "en" or "fr" when `word` (as typed, any case; UTF-8) is English or French and not Dutch;
  /// nothing otherwise (Dutch, unknown to all three, or too long to be a word).
  std::optional<std::string> language_of(std::string_view word) const;

  ~ForeignWords();
  ForeignWords(const ForeignWords&) = delete;
  ForeignWords& operator=(const ForeignWords&) = delete;

 private:
  ForeignWords();
  struct Impl;
  Impl* impl_;
};

}  // namespace vakkaart::text

#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/json.h"

namespace vakkaart::server::web {

/// The interface's language for a reader's: "en" when asked for, else "nl". Dutch is the
/// default, and the language of the interface for readers of a language it has no words in
/// (French: labels may be in it, the interface is not).
std::string supported_lang(const std::string& asked);

/// The words of the interface in one language (web/i18n/<lang>.json), as a JSON object.
const vakkaart::Json& ui_texts(const std::string& lang);

/// A layer's title in the page's language: the interface's own words for the rings it knows
/// (the note's three), else the source's title.
std::string layer_title(const std::string& id, const std::string& source_title,
                        const std::string& lang);

/// A count with its noun in the right number, for people: "1 beroepenstructuur",
/// "1.234 uitspraken", "12 activities". `noun` is a key of the texts' "counts".
std::string counted(long long n, const std::string& noun, const std::string& lang);

/// A UI text with its "{name}" placeholders filled in: a sentence keeps its word order in each
/// language, which gluing fragments together would not.
std::string fill(std::string text, const std::vector<std::pair<std::string, std::string>>& values);

}  // namespace vakkaart::server::web

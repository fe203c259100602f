#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "text/lexicon.h"
#include "text/tokenizer.h"

namespace vakkaart::text {

/// A separable verb that a main clause wrote apart: "Werkt samen met collega's" is
/// "samenwerken", "Volgt de uitvoering van de opdrachten op" is "opvolgen".
struct SeparatedVerb {
  std::size_t verb = 0;    // index of the finite verb's token ("Werkt")
  std::string infinitive;  // folded, e.g. "samenwerken"
};

/// The separable verbs of a text. A finite verb in the third person ("werkt", "stelt", "neemt")
/// pairs with a particle ("samen", "op", "deel", …) later in the same clause when the particle
/// closes the clause or stands before a preposition or a conjunction, as a separated particle
/// does in Dutch ("Neemt actief deel aan …", "Gaat na of …"), and particle + infinitive is a verb
/// hunspell-nl knows. A particle followed by its noun is a preposition ("Werkt in team"), so it
/// pairs with nothing. Linear in the number of tokens: a clause is looked at up to a fixed
/// number of words after its verb. A stop word is no verb ("met … na of …").
std::vector<SeparatedVerb> separated_verbs(
    std::string_view text, const std::vector<WordToken>& tokens, const Lexicon& lexicon,
    const std::function<bool(const std::string&)>& is_stopword);

}  // namespace vakkaart::text
